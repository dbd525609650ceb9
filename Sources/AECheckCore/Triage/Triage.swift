import Foundation

/// Turns evidence into an outcome by evaluating every rule of the knowledge.
///
/// The level is the most urgent among the rules that fire. A rule fires when its condition
/// is true, or when it is unknown and the rule's level is at or above the setting
/// `assume-unknown-from` (not knowing never lowers the result). Checklist notes
/// (`decision: note`) never count towards the level; see ``Triage/decide(_:outcome:)``.
public struct Triage: Sendable {
    public let knowledge: KnowledgeBase
    private let assumeFrom: Int

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        let level = knowledge.list("assume-unknown-from").first ?? ""
        self.assumeFrom = knowledge.levels[level]?.rank ?? (knowledge.levelsByRank.dropFirst().first?.rank ?? 0)
    }

    /// Whether one rule fires on the evidence, with what it used.
    func fires(_ rule: Rule, on evidence: Evidence) -> (fired: Bool, used: [String], unknowns: [String]) {
        var evaluator = ConditionEvaluator(knowledge: knowledge, evidence: evidence)
        let truth = evaluator.evaluate(rule.condition)
        let fired = truth == .yes || (truth == .unknown && knowledge.rank(of: rule.level) >= assumeFrom)
        return (fired, evaluator.used, truth == .unknown ? evaluator.unknowns : [])
    }

    /// Assesses the evidence against every rule.
    public func assess(_ evidence: Evidence) -> Outcome {
        var reasons: [Reason] = []
        for rule in knowledge.rules where rule.decision != Decision.note {
            let result = fires(rule, on: evidence)
            guard result.fired else { continue }
            var seen: Set<String> = []
            reasons.append(
                Reason(
                    ruleID: rule.id, level: rule.level, text: rule.reason,
                    findings: result.used.filter { seen.insert($0).inserted },
                    assumptions: Self.unique(result.unknowns), citations: rule.citations))
        }
        reasons.sort { knowledge.rank(of: $0.level) > knowledge.rank(of: $1.level) }
        let level = reasons.first?.level ?? knowledge.levelsByRank.last?.id ?? ""
        let rules = Dictionary(knowledge.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let fired = reasons.compactMap { rules[$0.ruleID] }
        return Outcome(
            level: level,
            actions: Self.unique(fired.flatMap(\.actions)),
            advice: Self.unique(fired.filter { $0.level == level }.flatMap(\.advice)),
            reasons: reasons,
            assumptions: Self.unique(reasons.flatMap(\.assumptions)),
            openQuestions: openQuestions(evidence, above: knowledge.rank(of: level)))
    }

    /// Findings never mentioned that appear in a rule more urgent than `rank`, where that rule
    /// could still fire if they were present.
    func openQuestions(_ evidence: Evidence, above rank: Int) -> [String] {
        var open: [String] = []
        for rule in knowledge.rules where knowledge.rank(of: rule.level) > rank && rule.decision != Decision.note {
            let missing = rule.condition.findingIDs.filter { evidence.findings[$0] == nil }
            guard !missing.isEmpty else { continue }
            var hypothetical = evidence
            for id in missing { hypothetical.findings[id] = FindingEvidence(id: id, status: .unknown) }
            var evaluator = ConditionEvaluator(knowledge: knowledge, evidence: hypothetical)
            if evaluator.evaluate(rule.condition) != .no { open += missing }
        }
        return Self.unique(open)
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
