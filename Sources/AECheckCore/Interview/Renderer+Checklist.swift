import AECheckLanguage
import Foundation

extension Renderer {
    /// `Decision: PROCEED|HOLD`, what it means, and every reason to hold with its source.
    func decisionBlock(_ decision: Decision) -> [String] {
        let code = decision.holds ? "1;31" : "1;32"
        let line = "Decision: \(decision.verdict.uppercased())"
        var lines = ["", colour ? "\u{1B}[\(code)m\(line)\u{1B}[0m" : line]
        if decision.unfinished {
            let unfinished = knowledge.text("decision-unfinished", for: audience)
            if !unfinished.isEmpty { lines.append(unfinished) }
        }
        let meaning = knowledge.text("decision-\(decision.verdict)", for: audience)
        if !meaning.isEmpty { lines.append(meaning) }
        section("Reasons to hold:", decision.holdReasons.map { explain($0, assumptions: true) }, into: &lines)
        return lines
    }

    /// The observation and monitoring reminders of a checklist.
    func monitoringBlock(_ decision: Decision) -> [String] {
        let advice = decision.noteAdvice.compactMap { knowledge.advice[$0] }
        var items = Triage.unique(advice.flatMap { audience == .nurse ? $0.nurseNow : $0.now })
        let standing = knowledge.text("checklist-monitoring", for: audience)
        if !standing.isEmpty { items.append(standing) }
        var lines: [String] = []
        section("Observation and monitoring:", items, into: &lines)
        section("Because:", decision.notes.map { explain($0, assumptions: true) }, into: &lines)
        return lines
    }

    /// A handover block for the chart: Situation, Background, Assessment, Recommendation.
    ///
    /// Times are ISO 8601 in the session's time zone; the knowledge hash closes it.
    public func handover(_ evidence: Evidence, outcome: Outcome, title: String) -> String {
        let iso = ISO8601DateFormatter()
        iso.timeZone = evidence.timeZone
        iso.formatOptions = [.withInternetDateTime]
        func time(_ band: TimeBand) -> String {
            band.isInstant
                ? iso.string(from: band.earliest)
                : iso.string(from: band.earliest) + "/" + iso.string(from: band.latest)
        }
        let levelLabel = knowledge.levels[outcome.level]?.label ?? outcome.level.uppercased()
        var situation = "\(title), \(iso.string(from: evidence.now)). Triage: \(levelLabel)"
        if let decision = outcome.decision { situation += ". Decision: \(decision.verdict.uppercased())" }

        var background: [String] = []
        for (id, value) in evidence.facts.sorted(by: { $0.key < $1.key }) {
            guard let fact = knowledge.facts[id] else { continue }
            background.append("\(fact.name.text(for: audience)): \(describe(value, fact: fact))")
        }
        for (id, value) in evidence.anchors.sorted(by: { $0.key < $1.key }) {
            let shown: String
            switch value {
            case .unsure: shown = "not known"
            case .known(let band): shown = time(band)
            }
            background.append("\(id.replacingOccurrences(of: "-", with: " ")): \(shown)")
        }

        var assessment: [String] = []
        for status in [FindingStatus.present, .unknown] {
            let items = evidence.findings.values.filter { $0.status == status }.sorted { $0.id < $1.id }.compactMap {
                finding -> String? in
                guard let name = knowledge.findings[finding.id]?.name.text(for: audience) else { return nil }
                var detail: [String] = []
                if let onset = finding.onset { detail.append("onset " + time(onset)) }
                if let trend = finding.trend { detail.append(trend.rawValue) }
                return detail.isEmpty ? name : name + " (" + detail.joined(separator: ", ") + ")"
            }
            guard !items.isEmpty else { continue }
            assessment.append((status == .present ? "present: " : "uncertain: ") + items.joined(separator: "; "))
        }
        let absent = evidence.findings.values.filter { $0.status == .absent }.count
        if absent > 0 { assessment.append("\(absent) screened items denied") }
        let rules = outcome.reasons.map(\.ruleID) + (outcome.decision?.holdReasons.map(\.ruleID) ?? [])
        if !rules.isEmpty { assessment.append("rules: " + Triage.unique(rules).joined(separator: ", ")) }
        if !outcome.assumptions.isEmpty {
            assessment.append("assumed: " + outcome.assumptions.map(assumption).joined(separator: "; "))
        }

        var recommendation: [String] = []
        if let decision = outcome.decision {
            recommendation.append(knowledge.text("decision-\(decision.verdict)", for: audience))
        }
        recommendation += outcome.actions.compactMap { knowledge.actions[$0]?.wording.text(for: audience) }
        let advice = outcome.advice.compactMap { knowledge.advice[$0] }
        recommendation += advice.flatMap { audience == .nurse ? $0.nurseNow : $0.now }
        if let decision = outcome.decision {
            recommendation += decision.noteAdvice.compactMap { knowledge.advice[$0] }
                .flatMap { audience == .nurse ? $0.nurseNow : $0.now }
        }

        var lines = ["", bold("Handover (SBAR)")]
        lines.append("S: " + situation + ".")
        lines.append("B: " + (background.isEmpty ? "none recorded" : background.joined(separator: "; ")) + ".")
        lines.append("A: " + (assessment.isEmpty ? "no findings reported" : assessment.joined(separator: "; ")) + ".")
        lines.append("R: " + Triage.unique(recommendation).joined(separator: " "))
        lines.append("Knowledge: \(knowledge.hash)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ value: FactValue, fact: Fact) -> String {
        switch value {
        case .unsure: return "not known"
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let number):
            if case .number(_, _, let unit?) = fact.type {
                let singular = number == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit
                return AnswerReader.show(number) + " " + singular
            }
            return AnswerReader.show(number)
        case .choice(let id):
            if case .choice(let values) = fact.type, let match = values.first(where: { $0.id == id }) {
                return match.label
            }
            return id
        }
    }
}
