import AECheckLanguage
import Foundation

/// Writes prompts and outcomes as text for a patient or a nurse.
public struct Renderer: Sendable {
    public let knowledge: KnowledgeBase
    public let audience: Audience
    public let colour: Bool
    /// The region whose numbers the page names (`--region`); nil names no country's number.
    public let region: Region?

    public init(knowledge: KnowledgeBase, audience: Audience, colour: Bool, region: Region? = nil) {
        self.knowledge = knowledge
        self.audience = audience
        self.colour = colour
        self.region = region
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
        let carerOptions = audience == .carer ? knowledge.questions[prompt.questionID]?.carerOptions ?? [:] : [:]
        for option in prompt.options {
            number += 1
            lines.append("  \(number). \(carerOptions[option.id] ?? option.label.text(for: audience))")
        }
        for extra in AnswerReader.shownExtras(for: prompt) where prompt.kind != .number {
            number += 1
            if let extra { lines.append("  \(number). \(extra)") }
        }
        return lines.joined(separator: "\n") + "\n> "
    }

    /// The result block: the headline (level and what it means), at most a few "What to do
    /// now" lines in order of urgency, warning signs, a short safety net, and why.
    ///
    /// The patient page takes each advice line once (lines with the same key say the same
    /// thing), only where it fits who is typing and where the person is, and names no rule
    /// or source: those are in the nurse wording, `--json` and `sources`.
    public func render(_ outcome: Outcome, evidence: Evidence? = nil) -> String {
        let level = knowledge.levels[outcome.level]
        var lines: [String] = outcome.decision.map(decisionBlock) ?? []
        lines += ["", levelColour(outcome.level, "Triage: \(level?.label ?? outcome.level.uppercased())")]
        let mayBeAtCentre = outcome.actions.contains { knowledge.actions[$0]?.tags.contains("centre") == true }
        if audience != .nurse, evidence?.hasStoppedTreatment == true, let wording = level?.stoppedWording {
            lines.append(fill(wording))
        } else if audience != .nurse, mayBeAtCentre, let wording = level?.centreWording {
            lines.append(fill(wording))
        } else if let wording = level?.wording.text(for: audience) {
            lines.append(fill(wording))
        }
        if audience == .carer, let intro = knowledge.texts["carer-result"]?.text(for: .carer) { lines.append(intro) }
        // Someone else's signs in the person's words: this page is not about them.
        if audience != .nurse, let evidence, evidence.someoneElseSigns || evidence.someoneElseEmergency {
            let ids = ["someone-else-signs"] + (evidence.someoneElseEmergency ? ["someone-else-emergency"] : [])
            let line = ids.map { fill(knowledge.text($0, for: audience)) }.filter { !$0.isEmpty }.joined(separator: " ")
            if !line.isEmpty { lines.append(line) }
        }
        let advice = outcome.advice.compactMap { knowledge.advice[$0] }
        if audience == .nurse {
            var now = outcome.actions.compactMap { knowledge.actions[$0]?.wording.text(for: audience) }
            now += advice.flatMap(\.nurseNow)
            section("What to do now:", Triage.unique(now), into: &lines)
            var watch = advice.flatMap(\.nurseWatch)
            watch.append(knowledge.text("safety-net", for: audience))
            section("Watch for:", Triage.unique(watch.filter { !$0.isEmpty }), into: &lines)
            section("Why:", outcome.reasons.map(explain), into: &lines)
        } else {
            let page = PatientPage(
                renderer: self, outcome: outcome, place: evidence?.facts["location"],
                stopped: evidence?.hasStoppedTreatment ?? false,
                reported: Set(evidence?.findings.values.filter { $0.status == .present }.map(\.id) ?? []))
            section("What to do now:", page.now, into: &lines)
            section("Watch for:", page.watch, into: &lines)
            section("Looking after yourself:", page.selfCare, into: &lines)
            let net = fill(knowledge.text("safety-net", for: audience))
            if !net.isEmpty { lines += ["", net] }
            // The most urgent reasons; every one, with its rule and sources, is in `sources`.
            let most = knowledge.number("page-why-most", default: 4)
            section("Why:", Array(plainReasons(page.reasons).prefix(most)), into: &lines)
        }
        let assumedTitle =
            audience == .nurse
            ? "Assumptions (unknowns taken the more urgent way):" : "Not known, so the safer answer was taken:"
        section(assumedTitle, outcome.assumptions.map(assumption), into: &lines)
        if let decision = outcome.decision { lines += monitoringBlock(decision) }
        if audience == .nurse { lines.append("Knowledge: \(knowledge.shortHash)") }
        lines.append("")
        lines.append(fill(knowledge.text("disclaimer", for: audience)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The reasons with their rules and sources, for `sources` and `why` at the result.
    public func sources(_ outcome: Outcome) -> String {
        var lines = ["Why, with the rules and their sources:"]
        lines += outcome.reasons.map { "- " + explain($0) }
        let cited = Triage.unique(outcome.reasons.flatMap { $0.citations.map(\.source) })
        for id in cited {
            guard let source = knowledge.sources[id] else { continue }
            lines.append("  \(id): \(source.title)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The reasons in plain words, each sentence once: a sentence an earlier reason already
    /// gave is left out, and a reason with nothing new is left out whole.
    func plainReasons(_ reasons: [Reason]) -> [String] {
        var said: Set<String> = []
        var lines: [String] = []
        for reason in reasons {
            var trimmed = reason
            let sentences = fill(reason.text.text(for: audience)).components(separatedBy: ". ")
            let fresh = sentences.filter { !said.contains($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
            guard !fresh.isEmpty else { continue }
            for sentence in sentences { said.insert(sentence.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
            var text = fresh.joined(separator: ". ")
            if let last = text.last, !".!?".contains(last) { text += "." }
            trimmed.text = Wording(patient: text, nurse: text, carer: text)
            lines.append(plainReason(trimmed))
        }
        return lines
    }

    /// A reason in plain words: what the rule says, and what the person reported.
    func plainReason(_ reason: Reason) -> String {
        let name = { (id: String) in self.knowledge.findings[id]?.name.text(for: self.audience) }
        let found = reason.findings.filter { !reason.unsure.contains($0) }.compactMap(name)
        let unsure = reason.unsure.compactMap(name)
        var detail: [String] = []
        if !found.isEmpty { detail.append("you said: " + found.joined(separator: ", ")) }
        if !unsure.isEmpty { detail.append("not sure: " + unsure.joined(separator: ", ")) }
        let text = fill(reason.text.text(for: audience))
        return detail.isEmpty ? text : text + " (" + detail.joined(separator: "; ") + ")"
    }

    /// Text with the region's numbers put in: `{emergency}`, `{urgent}`, `{crisis}`. Without
    /// a region, the `none` region's words.
    public func fill(_ text: String) -> String {
        guard text.contains("{") else { return text }
        guard let region = region ?? knowledge.regions["none"] else { return text }
        return text.replacingOccurrences(of: "{emergency}", with: region.emergency)
            .replacingOccurrences(of: "{urgent}", with: region.urgent ?? knowledge.regions["none"]?.urgent ?? "")
            .replacingOccurrences(of: "{crisis}", with: region.crisis)
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
        return fill(reason.text.text(for: audience)) + " (" + detail.joined(separator: "; ") + ")"
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
        lines += items.map { "- " + fill($0) }
    }
}
