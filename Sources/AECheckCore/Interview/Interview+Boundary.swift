import AECheckLanguage
import Foundation

/// Time limits: when a reported sign's onset could lie on either side of a rule's time limit,
/// the interview asks one short question about that limit (a `boundary` question of the
/// knowledge, worded for its edge) before it takes the more urgent side. The answer narrows
/// the sign's onset, so every rule sees it; "not sure" leaves it, and the rule stays unknown.
/// Each sign and limit is asked about once.
extension Interview.Walk {
    /// The most urgent straddled limit worth a question now, with its question and the rank
    /// of the rule it could settle: the rule is unknown, and at or above the current level or
    /// would add an action.
    func bestStraddle() -> (straddle: Straddle, question: String, rank: Int)? {
        let memo = memo()
        let truths = memo.assessment.truths
        let currentRank = knowledge.rank(of: memo.assessment.outcome.level)
        let actions = memo.assessment.outcome.actions
        let rules = knowledge.rules
        var best: (straddle: Straddle, question: String, rank: Int)?
        lazy var probe = ConditionEvaluator(
            conditions: interview.triage.conditions, evidence: memo.slots, calendar: calendar)
        for index in rules.indices where truths[index] == .unknown {
            let rank = interview.triage.ruleRanks[index]
            if let best, best.rank >= rank { continue }
            guard rank >= currentRank || !rules[index].actions.allSatisfy(actions.contains) else { continue }
            if let found = unasked(probe.straddles(rule: index)) { best = (found.straddle, found.question, rank) }
        }
        return best
    }

    /// A straddled limit of one of `rules` (ids), when one is still to be asked.
    func straddle(settling rules: [String]) -> (straddle: Straddle, question: String)? {
        let probe = ConditionEvaluator(
            conditions: interview.triage.conditions, evidence: memo().slots, calendar: calendar)
        for id in rules {
            guard let index = interview.ruleIndex[id] else { continue }
            if let found = unasked(probe.straddles(rule: index)) { return found }
        }
        return nil
    }

    /// The rules (ids) whose result is unknown because a sign's onset straddles the limit a
    /// boundary question's `key` asks about (for `why`).
    func rulesStraddling(key: String) -> [String] {
        let truths = memo().assessment.truths
        let probe = ConditionEvaluator(
            conditions: interview.triage.conditions, evidence: memo().slots, calendar: calendar)
        return knowledge.rules.indices.filter { index in
            truths[index] == .unknown
                && probe.straddles(rule: index).contains { straddle in
                    interview.boundaryQuestions[straddle.edge].map { Self.key($0, straddle) } == key
                }
        }.map { knowledge.rules[$0].id }
    }

    /// The first of `straddles` that a boundary question can ask and that was not asked yet.
    private func unasked(_ straddles: [Straddle]) -> (straddle: Straddle, question: String)? {
        for straddle in straddles {
            guard let question = interview.boundaryQuestions[straddle.edge],
                !asked.contains(Self.key(question, straddle))
            else { continue }
            return (straddle, question)
        }
        return nil
    }

    static func key(_ question: String, _ straddle: Straddle) -> String {
        question + "/" + straddle.keySuffix
    }

    /// Asks about a straddled limit, or narrows the sign's onset by the logged answer.
    mutating func ask(_ straddle: Straddle, question id: String) -> InterviewStep? {
        let key = Self.key(id, straddle)
        guard let question = knowledge.questions[id], !asked.contains(key) else { return nil }
        asked.insert(key)
        guard let answer = answers[key] else {
            return .question(boundaryPrompt(question, straddle: straddle, key: key))
        }
        if let band = evidence.findings[straddle.findingID]?.onset {
            // Signs given the same time ("fizz and sparkles since 11") began together: one
            // answer narrows them all, so the question is not asked again for each.
            for (id, finding) in evidence.findings where finding.status == .present && finding.onset == band {
                evidence.findings[id]?.onset = straddle.narrow(band, by: answer)
            }
        }
        return nil
    }

    /// The question with `{finding}` (the sign's name) and `{span}` (the limit in words) filled in.
    private func boundaryPrompt(_ question: Question, straddle: Straddle, key: String) -> Prompt {
        let name = knowledge.findings[straddle.findingID]?.name ?? Wording(patient: "", nurse: "")
        let span = straddle.span.map(Self.words) ?? ""
        let text = Self.filled(question.ask, finding: name, span: span)
        let options = question.options.map { option in
            Option(
                id: option.id, label: Self.filled(option.label, finding: name, span: span), alsoTyped: option.alsoTyped)
        }
        return Prompt(
            key: key, questionID: question.id, kind: .choice, text: text, options: options, help: question.help)
    }

    /// `wording` with `{finding}` as the sign's name for each audience and `{span}` as
    /// `span`, each version starting with a capital.
    static func filled(_ wording: Wording, finding name: Wording, span: String = "") -> Wording {
        func fill(_ text: String, _ finding: String) -> String {
            let filled = text.replacingOccurrences(of: "{finding}", with: finding)
                .replacingOccurrences(of: "{span}", with: span)
            return filled.prefix(1).uppercased() + filled.dropFirst()
        }
        return Wording(
            patient: fill(wording.patient, name.patient), nurse: fill(wording.nurse, name.nurse),
            carer: wording.carer.map { fill($0, name.carer ?? name.patient) })
    }

    /// A span in words: "2 hours", "1 day".
    static func words(_ span: TimeSpan) -> String {
        let unit =
            switch span.unit {
            case .minute: "minute"
            case .hour: "hour"
            case .day: "day"
            case .week: "week"
            case .month: "month"
            case .year: "year"
            }
        return "\(span.amount) \(unit)\(span.amount == 1 ? "" : "s")"
    }
}
