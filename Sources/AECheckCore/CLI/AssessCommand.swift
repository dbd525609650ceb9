import AECheckLanguage
import Foundation

/// `aecheck assess [FILE|-] [--json]`: one-shot triage of an evidence document.
enum AssessCommand {
    static func run(_ arguments: CommandLineInterface.Arguments, knowledge: KnowledgeBase, io: TerminalIO)
        -> Int32
    {
        guard arguments.positional.count <= 1 else {
            io.writeError("aecheck: assess takes one file (or - for standard input)\n")
            return 2
        }
        if arguments.positional.isEmpty && io.inputIsTerminal {
            io.writeError(
                "aecheck: assess reads one evidence document (JSON): give a file, as in 'aecheck assess case.json',\n"
                    + "or pipe it in: echo '{\"now\":\"2026-11-21T14:00:00Z\",\"text\":\"what you feel\"}' | aecheck assess -\n"
            )
            return 2
        }
        let path = arguments.positional.first ?? "-"
        let shownPath = path == "-" ? "<stdin>" : path.visibleControls
        // One byte more than the limit is read, so a larger document is refused without reading it all.
        let limit = EvidenceDocument.sizeLimit + 1
        let data: Data
        if path == "-" {
            data = Data(io.readAll(limit: limit))
        } else {
            switch RawFile.read(path: path, limit: limit) {
            case .success(let bytes): data = Data(bytes)
            case .failure(let problem):
                io.writeError("aecheck: cannot read '\(shownPath)': \(problem.message)\n")
                return 2
            }
        }
        guard case .success(let region) = RegionOption.read(arguments, knowledge: knowledge, io: io) else { return 2 }
        let interview = Shared.interview(for: knowledge, flow: "check", dayFirst: !(region?.monthFirst ?? false))
        switch EvidenceDocument.parse(data, interview: interview) {
        case .failure(let failure):
            io.writeError("aecheck: \(failure.located(in: shownPath))\n")
            return 2
        case .success(let evidence):
            let outcome = Triage(knowledge: knowledge).assess(evidence)
            io.noteOutcome(outcome)
            if arguments.flags.contains("--json") {
                io.write(OutcomeJSON.render(outcome, evidence: evidence, knowledge: knowledge) + "\n")
            } else {
                let audience = Audience(rawValue: arguments.values["--mode"] ?? "patient") ?? .patient
                let renderer = Renderer(knowledge: knowledge, audience: audience, colour: io.colour, region: region)
                let other = evidence.someoneElseEmergency ? knowledge.text("someone-else-emergency", for: audience) : ""
                io.write(
                    (other.isEmpty ? "" : renderer.fill(other) + "\n") + renderer.render(outcome, evidence: evidence))
            }
            return 0
        }
    }
}

/// The outcome as JSON, with sorted keys so the output is stable.
enum OutcomeJSON {
    static func render(_ outcome: Outcome, evidence: Evidence, knowledge: KnowledgeBase) -> String {
        let findings: [[String: Any]] = evidence.findings.values.sorted { $0.id < $1.id }.map { finding in
            var item: [String: Any] = ["id": finding.id, "status": finding.status.rawValue]
            if let onset = finding.onset { item["onset"] = onset.isoRange }
            if let trend = finding.trend { item["trend"] = trend.rawValue }
            switch finding.origin {
            case .text(let words): item["from"] = "text: \(words)"
            case .answer(let key): item["from"] = "answer: \(key)"
            case .document: item["from"] = "document"
            }
            return item
        }
        let object: [String: Any] = [
            "level": outcome.level,
            "actions": outcome.actions,
            "advice": outcome.advice,
            "reasons": outcome.reasons.map { reason -> [String: Any] in
                [
                    "rule": reason.ruleID, "level": reason.level, "reason": reason.text.patient,
                    "nurse": reason.text.nurse, "findings": reason.findings,
                    "assumptions": reason.assumptions,
                    "citations": reason.citations.map(\.description),
                ]
            },
            "assumptions": outcome.assumptions,
            "openQuestions": outcome.openQuestions,
            "findings": findings,
            "notUnderstood": evidence.notUnderstood,
            "times": evidence.timeReadings.map { reading -> [String: Any] in
                // An open lower end (no earliest time) and an unknown are null.
                let earliest: Any =
                    reading.band.flatMap { $0.earliest <= TimeBand.openStart ? nil : $0.earliest }
                    .map { TimeBand.iso.string(from: $0) } ?? NSNull()
                let latest: Any = reading.band.map { TimeBand.iso.string(from: $0.latest) } ?? NSNull()
                return ["field": reading.field, "text": reading.text, "earliest": earliest, "latest": latest]
            },
            "someoneElseEmergency": evidence.someoneElseEmergency,
            "knowledgeHash": knowledge.hash,
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
