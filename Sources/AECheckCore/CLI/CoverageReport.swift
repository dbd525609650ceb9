import AECheckLanguage
/// Lists every source section with the records that cite it, for clinical review.
enum CoverageReport {
    static func render(_ knowledge: KnowledgeBase) -> String {
        var lines: [String] = ["", "Source coverage:"]
        var uncovered = 0
        for source in knowledge.sources.values.sorted(by: { $0.id < $1.id }) {
            lines.append("\(source.id): \(source.title)")
            let whole = knowledge.citedBy[source.id] ?? []
            if !whole.isEmpty { lines.append("  (whole source): \(whole.count) records") }
            for section in source.sections {
                let citing = Triage.unique(knowledge.citedBy["\(source.id) \(section.id)"] ?? [])
                if citing.isEmpty { uncovered += 1 }
                let shown = citing.prefix(6).joined(separator: ", ") + (citing.count > 6 ? ", ..." : "")
                lines.append("  \(section.id) (\(citing.count)): \(citing.isEmpty ? "NOT CITED" : shown)")
            }
        }
        lines.append("\(uncovered) section\(uncovered == 1 ? "" : "s") not cited")
        return lines.joined(separator: "\n") + "\n"
    }
}
