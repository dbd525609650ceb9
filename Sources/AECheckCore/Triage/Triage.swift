import AECheckLanguage
import Foundation

/// Turns evidence into an outcome by evaluating every rule of the knowledge.
///
/// The level is the most urgent among the rules that fire. A rule fires when its condition
/// is true, or when it is unknown and the rule's level is at or above the setting
/// `assume-unknown-from` (not knowing never lowers the result). Checklist notes
/// (`decision: note`) never count towards the level; see ``Triage/decide(_:outcome:)``.
///
/// With the setting `combination-needs-reported`, a rule that needs two or more findings
/// together fires on an unknown only when at least one finding it used was reported present:
/// "not sure" on every sign of a combination is not that combination.
public struct Triage: Sendable {
    public let knowledge: KnowledgeBase
    private let assumeFrom: Int
    /// The rank at or above which a checklist holds the infusion (setting `hold-from`).
    let holdFrom: Int?
    /// Each rule's level rank, in `knowledge.rules` order (worked out once, asked per rule).
    let ruleRanks: [Int]
    /// Whether each rule is a checklist note (`decision: note`), in `knowledge.rules` order.
    private let ruleIsNote: [Bool]
    /// Each rule's finding ids, in `knowledge.rules` order, and their slots.
    let ruleFindings: [[String]]
    let ruleFindingSlots: [[Int]]
    /// The rules' conditions, in `knowledge.rules` order, ready to evaluate.
    let conditions: CompiledConditions
    /// The most urgent level's id: the level when no rule fires.
    private let topLevel: String
    /// Whether each rule needs two or more findings together, in `knowledge.rules` order,
    /// and whether such a rule needs a reported finding to fire on an unknown.
    private let ruleIsCombination: [Bool]
    private let combinationNeedsReported: Bool

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        let level = knowledge.list("assume-unknown-from").first ?? ""
        self.assumeFrom = knowledge.levels[level]?.rank ?? (knowledge.levelsByRank.dropFirst().first?.rank ?? 0)
        self.holdFrom = knowledge.list("hold-from").first.flatMap { knowledge.levels[$0]?.rank }
        self.ruleRanks = knowledge.rules.map { knowledge.rank(of: $0.level) }
        self.ruleIsNote = knowledge.rules.map { $0.decision == Decision.note }
        self.ruleFindings = knowledge.rules.map(\.condition.findingIDs)
        let conditions = Shared.conditions.value(for: knowledge) {
            CompiledConditions(knowledge.rules.map(\.condition), knowledge: knowledge)
        }
        self.conditions = conditions
        self.ruleFindingSlots = ruleFindings.map { conditions.findingSlots($0) }
        self.topLevel = knowledge.levelsByRank.last?.id ?? ""
        self.ruleIsCombination = knowledge.rules.map { $0.condition.fewestFindings >= 2 }
        self.combinationNeedsReported = knowledge.list("combination-needs-reported").first == "yes"
    }

    /// Whether a rule whose condition is unknown fires: at or above `assume-unknown-from`, and
    /// for a combination (with `combination-needs-reported`) only when a finding it used was
    /// reported present.
    private func firesOnUnknown(rank: Int, combination: Bool, used: [Int], evidence: EvidenceSlots) -> Bool {
        guard rank >= assumeFrom else { return false }
        guard combination && combinationNeedsReported else { return true }
        return used.contains { evidence.findings[$0]?.status == .present }
    }

    /// Whether one rule fires on the evidence, with what it used.
    /// `calendar`, when given, must be the Gregorian calendar in the evidence's time zone.
    func fires(_ rule: Rule, on evidence: Evidence, calendar: Calendar? = nil)
        -> (fired: Bool, used: [String], unknowns: [String])
    {
        let conditions = CompiledConditions([rule.condition], knowledge: knowledge)
        var evaluator = ConditionEvaluator(
            conditions: conditions, evidence: conditions.slots(of: evidence),
            calendar: calendar.map(LazyCalendar.init(calendar:)) ?? ConditionEvaluator.calendar(for: evidence))
        let truth = evaluator.evaluate(rule: 0)
        let fired =
            truth == .yes
            || (truth == .unknown
                && firesOnUnknown(
                    rank: knowledge.rank(of: rule.level), combination: rule.condition.fewestFindings >= 2,
                    used: evaluator.usedSlots, evidence: evaluator.evidence))
        return (fired, evaluator.used, truth == .unknown ? evaluator.unknowns : [])
    }

    /// Assesses the evidence against every rule.
    public func assess(_ evidence: Evidence) -> Outcome {
        evaluate(evidence).outcome
    }

    /// Assesses the evidence, also giving each rule's truth on it (in `knowledge.rules` order),
    /// which relevance reuses instead of evaluating the rules again. Without `openQuestions`
    /// the outcome's `openQuestions` is left empty (the interview needs it only at the end;
    /// `openQuestions(_:above:)` fills it in). `calendar`, when given, must be in the evidence's
    /// time zone.
    func evaluate(_ evidence: Evidence, openQuestions withOpenQuestions: Bool = true, calendar: LazyCalendar? = nil)
        -> (outcome: Outcome, truths: [Truth])
    {
        evaluate(
            conditions.slots(of: evidence), openQuestions: withOpenQuestions,
            calendar: calendar ?? ConditionEvaluator.calendar(for: evidence))
    }

    /// `evaluate` on the evidence's values by slot in `conditions`.
    func evaluate(_ slots: EvidenceSlots, openQuestions withOpenQuestions: Bool, calendar: LazyCalendar)
        -> (outcome: Outcome, truths: [Truth])
    {
        var fired: [(reason: Reason, rank: Int, rule: Int)] = []
        var truths: [Truth] = []
        truths.reserveCapacity(knowledge.rules.count)
        var evaluator = ConditionEvaluator(conditions: conditions, evidence: slots, calendar: calendar)
        // By index: only the rules that fire are read whole.
        for index in knowledge.rules.indices {
            evaluator.reset()
            let truth = evaluator.evaluate(rule: index)
            truths.append(truth)
            let rank = ruleRanks[index]
            guard !ruleIsNote[index],
                truth == .yes
                    || (truth == .unknown
                        && firesOnUnknown(
                            rank: rank, combination: ruleIsCombination[index], used: evaluator.usedSlots,
                            evidence: slots))
            else { continue }
            let rule = knowledge.rules[index]
            fired.append(
                (
                    Reason(
                        ruleID: rule.id, level: rule.level, text: rule.reason, findings: evaluator.usedOnce,
                        assumptions: truth == .unknown ? Self.unique(evaluator.unknowns) : [],
                        citations: rule.citations, unsure: evaluator.usedUnsure),
                    rank, index
                ))
        }
        // The same comparisons as sorting the reasons by their level's rank, so the same order.
        fired.sort { $0.rank > $1.rank }
        let reasons = fired.map(\.reason)
        let level = reasons.first?.level ?? topLevel
        let outcome = Outcome(
            level: level,
            actions: Self.unique(fired.flatMap { knowledge.rules[$0.rule].actions }),
            advice: Self.unique(
                fired.filter { knowledge.rules[$0.rule].level == level }.flatMap { knowledge.rules[$0.rule].advice }),
            reasons: reasons,
            assumptions: Self.unique(reasons.flatMap(\.assumptions)),
            openQuestions: withOpenQuestions
                ? openQuestions(slots, above: knowledge.rank(of: level), calendar: calendar) : [])
        return (outcome, truths)
    }

    /// Findings never mentioned that appear in a rule more urgent than `rank`, where that rule
    /// could still fire if they were present.
    func openQuestions(_ evidence: Evidence, above rank: Int, calendar: LazyCalendar? = nil) -> [String] {
        openQuestions(
            conditions.slots(of: evidence), above: rank,
            calendar: calendar ?? ConditionEvaluator.calendar(for: evidence))
    }

    /// `openQuestions` on the evidence's values by slot in `conditions`.
    func openQuestions(_ evidence: EvidenceSlots, above rank: Int, calendar: LazyCalendar) -> [String] {
        var open: [String] = []
        var evaluator = ConditionEvaluator(conditions: conditions, evidence: evidence, calendar: calendar)
        for index in knowledge.rules.indices where ruleRanks[index] > rank && !ruleIsNote[index] {
            var missing: [String] = []
            var missingSlots: [Int] = []
            for (id, slot) in zip(ruleFindings[index], ruleFindingSlots[index]) where evidence.findings[slot] == nil {
                missing.append(id)
                missingSlots.append(slot)
            }
            guard !missing.isEmpty else { continue }
            evaluator.reset(assumedUnknown: missingSlots)
            if evaluator.evaluate(rule: index) != .no { open += missing }
        }
        return Self.unique(open)
    }

    /// The items, each once (where it first appears), in order.
    static func unique(_ items: [String]) -> [String] {
        // Few items (the usual case): comparing with those kept costs less than hashing.
        if items.count <= 16 {
            var kept: [String] = []
            kept.reserveCapacity(items.count)
            for item in items where !kept.contains(item) { kept.append(item) }
            return kept
        }
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
