import AECheckLanguage
import Foundation

/// Writes prompts and outcomes as text for a patient or a nurse.
public struct Renderer: Sendable {
    public let knowledge: KnowledgeBase
    public let audience: Audience
    public let colour: Bool

    public init(knowledge: KnowledgeBase, audience: Audience, colour: Bool) {
        self.knowledge = knowledge
        self.audience = audience
        self.colour = colour
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    func levelColour(_ level: String, _ text: String) -> String {
        guard colour else { return text }
        let rank = knowledge.rank(of: level)
        let top = knowledge.levelsByRank.last?.rank ?? 0
        let code = rank >= top ? "1;31" : rank >= top - 1 ? "1;33" : "1;32"
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// A question with its numbered options.
    public func render(_ prompt: Prompt) -> String {
        var lines: [String] = []
        let id = audience == .nurse ? " [\(prompt.questionID)]" : ""
        lines.append(bold(prompt.text.text(for: audience)) + id)
        var number = 0
        for option in prompt.options {
            number += 1
            lines.append("  \(number). \(option.label.text(for: audience))")
        }
        for extra in AnswerReader.extras(for: prompt.kind) where prompt.kind != .number || true {
            if prompt.kind == .number { break }
            number += 1
            lines.append("  \(number). \(extra)")
        }
        return lines.joined(separator: "\n") + "\n> "
    }

    /// The result block: the level line first, then what to do, what to watch for, why.
    public func render(_ outcome: Outcome) -> String {
        let level = knowledge.levels[outcome.level]
        var lines: [String] = outcome.decision.map(decisionBlock) ?? []
        lines += ["", levelColour(outcome.level, "Triage: \(level?.label ?? outcome.level.uppercased())")]
        if let wording = level?.wording.text(for: audience) { lines.append(wording) }
        if audience == .carer, let intro = knowledge.texts["carer-result"]?.text(for: .carer) { lines.append(intro) }
        let advice = outcome.advice.compactMap { knowledge.advice[$0] }
        var now = outcome.actions.compactMap { knowledge.actions[$0]?.wording.text(for: audience) }
        now += advice.flatMap { audience == .nurse ? $0.nurseNow : $0.now }
        section("What to do now:", Triage.unique(now), into: &lines)
        var watch = advice.flatMap { audience == .nurse ? $0.nurseWatch : $0.watch }
        watch.append(knowledge.text("safety-net", for: audience))
        section("Watch for:", Triage.unique(watch.filter { !$0.isEmpty }), into: &lines)
        if audience != .nurse {
            section("Looking after yourself:", Triage.unique(advice.flatMap(\.selfCare)), into: &lines)
        }
        section("Why:", outcome.reasons.map(explain), into: &lines)
        let assumedTitle =
            audience == .nurse
            ? "Assumptions (unknowns taken the more urgent way):" : "Not known, so the safer answer was taken:"
        section(assumedTitle, outcome.assumptions.map(assumption), into: &lines)
        if let decision = outcome.decision { lines += monitoringBlock(decision) }
        if audience == .nurse { lines.append("Knowledge: \(knowledge.shortHash)") }
        lines.append("")
        lines.append(knowledge.text("disclaimer", for: audience))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One reason: the plain words, then the rule, findings and sources.
    public func explain(_ reason: Reason) -> String { explain(reason, assumptions: false) }

    /// One reason; with `assumptions`, also what was taken the safer way because it was not known.
    func explain(_ reason: Reason, assumptions: Bool) -> String {
        let name = { (id: String) in self.knowledge.findings[id]?.name.text(for: self.audience) }
        let found = reason.findings.filter { !reason.unsure.contains($0) }.compactMap(name)
        let unsure = reason.unsure.compactMap(name)
        var detail = ["rule \(reason.ruleID)"]
        // Only what was reported is "found"; what was left "not sure" is named as such.
        if !found.isEmpty { detail.append("found: " + found.joined(separator: ", ")) }
        if !unsure.isEmpty { detail.append("not sure: " + unsure.joined(separator: ", ")) }
        if assumptions && !reason.assumptions.isEmpty {
            detail.append("assumed, not known: " + reason.assumptions.map(assumption).joined(separator: ", "))
        }
        detail.append("source: " + reason.citations.map(\.description).joined(separator: "; "))
        return reason.text.text(for: audience) + " (" + detail.joined(separator: "; ") + ")"
    }

    /// An assumption in this renderer's wording. Triage writes assumptions in the patient's
    /// words ("not sure about the glow"); the nurse sees the clinical names instead.
    func assumption(_ text: String) -> String {
        guard audience == .nurse else { return text }
        var result = text
        for (patient, nurse) in knowledge.clinicalNames where result.contains(patient) {
            result = result.replacingOccurrences(of: patient, with: nurse)
        }
        for (plain, clinical) in [("not sure about ", "uncertain: "), ("the timing of ", "onset unknown: ")]
        where result.hasPrefix(plain) {
            result = clinical + result.dropFirst(plain.count)
        }
        return result
    }

    /// What is known so far, for `summary`.
    public func summary(_ evidence: Evidence, outcome: Outcome) -> String {
        var lines: [String] = ["So far:"]
        for status in [FindingStatus.present, .unknown, .absent] {
            let names = evidence.findings.values.filter { $0.status == status }.sorted { $0.id < $1.id }
                .compactMap { knowledge.findings[$0.id]?.name.text(for: audience) }
            guard !names.isEmpty else { continue }
            let title = ["present": "You have", "unknown": "Not sure", "absent": "You do not have"][status.rawValue]!
            lines.append("  \(title): " + names.joined(separator: ", "))
        }
        for (id, value) in evidence.anchors.sorted(by: { $0.key < $1.key }) {
            let shown: String
            switch value {
            case .unsure: shown = "not known"
            case .known(let band): shown = Self.describe(band, timeZone: evidence.timeZone)
            }
            lines.append("  \(id.replacingOccurrences(of: "-", with: " ")): \(shown)")
        }
        let label = knowledge.levels[outcome.level]?.label ?? outcome.level
        lines.append("  Result so far: \(label)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ band: TimeBand, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        if band.isInstant { return formatter.string(from: band.earliest) }
        return formatter.string(from: band.earliest) + " to " + formatter.string(from: band.latest)
    }

    func section(_ title: String, _ items: [String], into lines: inout [String]) {
        guard !items.isEmpty else { return }
        lines.append("")
        lines.append(bold(title))
        lines += items.map { "- " + $0 }
    }
}
