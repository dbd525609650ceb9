import Foundation

@testable import AECheckCore
@testable import AECheckLanguage

/// Shared setup for the interview and triage tests: the real knowledge and a fixed clock.
enum InterviewTestSupport {
    static let knowledge: KnowledgeBase = KnowledgeLoader.loadEmbedded().knowledge!
    static let interview = Interview(knowledge: knowledge)
    static let triage = Triage(knowledge: knowledge)
    /// 2026-11-21T14:00:00Z, the clock of the pipe tests too.
    static let now = Date(timeIntervalSince1970: 1_795_269_600)
    static let timeZone = TimeZone(identifier: "Europe/London")!

    static func rank(_ level: String) -> Int { knowledge.rank(of: level) }

    static var topRank: Int { knowledge.levelsByRank.last?.rank ?? 0 }

    /// An instant `seconds` before now, in the log's time form.
    static func ago(_ seconds: TimeInterval) -> String {
        TimeBand(instant: now - seconds).isoRange
    }

    /// Runs the interview to its end: logged answers by key first, then `fallback` for the rest.
    static func run(
        _ answers: [String: String], fallback: (Prompt) -> String, limit: Int = 60
    ) -> (log: [LoggedAnswer], outcome: Outcome?) {
        var log: [LoggedAnswer] = []
        for _ in 0..<limit {
            switch interview.next(log: log, now: now, timeZone: timeZone) {
            case .outcome(let outcome): return (log, outcome)
            case .question(let prompt):
                log.append(LoggedAnswer(key: prompt.key, answer: answers[prompt.key] ?? fallback(prompt)))
            }
        }
        return (log, nil)
    }

    /// The least alarming answer to a prompt, used to finish a conversation.
    static func lowestAnswer(_ prompt: Prompt) -> String {
        switch prompt.kind {
        case .pickFindings: "none"
        case .yesNo: "no"
        case .choice: prompt.options.first?.id ?? "unsure"
        case .number: numberAnswers(prompt).first ?? "unsure"
        case .time: ago(3 * 86_400)
        case .text: "no symptoms"
        case .confirm: "yes"
        }
    }

    /// Representative numbers for a number question: each side of every rule threshold on its
    /// fact, clamped to the fact's range.
    static func numberAnswers(_ prompt: Prompt) -> [String] {
        guard let fact = knowledge.questions[prompt.questionID]?.fact,
            case .number(let low, let high, _) = knowledge.facts[fact]?.type
        else { return ["1"] }
        var values: Set<Double> = [low ?? 0]
        for rule in knowledge.rules {
            for threshold in thresholds(of: fact, in: rule.condition) {
                values.formUnion([threshold - 1, threshold, threshold + 1])
            }
        }
        return values.filter { $0 >= (low ?? -.infinity) && $0 <= (high ?? .infinity) }.sorted()
            .map(AnswerReader.show)
    }

    static func thresholds(of fact: String, in condition: Condition) -> [Double] {
        switch condition {
        case .fact(let id, _, let value): id == fact ? Double(value).map { [$0] } ?? [] : []
        case .all(let items), .any(let items), .atLeast(_, let items):
            items.flatMap { thresholds(of: fact, in: $0) }
        case .not(let inner): thresholds(of: fact, in: inner)
        default: []
        }
    }

    /// A canonical text for evidence, without where each piece came from.
    static func describe(_ evidence: Evidence) -> String {
        var parts: [String] = []
        for (id, finding) in evidence.findings.sorted(by: { $0.key < $1.key }) {
            let onset = finding.onset.map { " @\($0.isoRange)" } ?? ""
            parts.append("\(id)=\(finding.status.rawValue)\(onset) \(finding.trend?.rawValue ?? "")")
        }
        for (id, value) in evidence.facts.sorted(by: { $0.key < $1.key }) { parts.append("\(id):\(value)") }
        for (id, value) in evidence.anchors.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .unsure: parts.append("\(id)@?")
            case .known(let band): parts.append("\(id)@\(band.isoRange)")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// Findings that alone fire an emergency-level rule.
    static let emergencyFindings: Set<String> = Set(
        knowledge.rules.filter { rank($0.level) >= topRank }.compactMap {
            if case .finding(let id, .present, let qualifiers) = $0.condition, qualifiers.isEmpty { return id }
            return nil
        })
}
