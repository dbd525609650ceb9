import AECheckLanguage
import Foundation

/// The end of a nurse checklist: may the infusion go ahead, and what to watch and monitor.
///
/// The infusion is held when a rule marked `decision: hold` fires or stays unknown (a "not
/// sure" never lets an infusion go ahead), or when the triage level is at or above the
/// setting `hold-from`. Rules marked `decision: note` never change the level; they list
/// observation and monitoring reminders, also when their answer was unknown.
public struct Decision: Hashable, Sendable {
    /// `hold` or `proceed`.
    public var verdict: String
    /// Why the infusion is held (empty when it may proceed).
    public var holdReasons: [Reason]
    /// Observation and monitoring reminders.
    public var notes: [Reason]
    /// Advice ids of the notes, without repeats.
    public var noteAdvice: [String]
    /// True when the checklist stopped before its end: such a checklist always holds.
    public var unfinished = false

    public var holds: Bool { verdict == Self.hold }

    public static let hold = "hold"
    public static let proceed = "proceed"
    public static let note = "note"

    /// The decision for a checklist that stopped before its end: it never proceeds. What it
    /// holds for is `completed`, the decision with every unreached question taken as "not sure".
    static func unfinished(_ completed: Decision) -> Decision {
        var decision = completed
        decision.verdict = hold
        decision.unfinished = true
        return decision
    }
}

extension Triage {
    /// Decides proceed or hold for a checklist, given the evidence and its triage outcome.
    public func decide(_ evidence: Evidence, outcome: Outcome) -> Decision {
        var holdReasons: [Reason] = []
        var notes: [Reason] = []
        var noteAdvice: [String] = []
        var held: Set<String> = []
        var evaluator = ConditionEvaluator(
            conditions: conditions, evidence: conditions.slots(of: evidence),
            calendar: ConditionEvaluator.calendar(for: evidence))
        for (index, rule) in knowledge.rules.enumerated() where rule.decision != nil {
            evaluator.reset()
            let truth = evaluator.evaluate(rule: index)
            guard truth != .no else { continue }
            let reason = Reason(
                ruleID: rule.id, level: rule.level, text: rule.reason, findings: evaluator.usedOnce,
                assumptions: truth == .unknown ? Self.unique(evaluator.unknowns) : [], citations: rule.citations,
                unsure: evaluator.usedUnsure)
            if rule.decision == Decision.note {
                notes.append(reason)
                noteAdvice += rule.advice
            } else {
                holdReasons.append(reason)
                held.insert(rule.id)
            }
        }
        if let holdFrom {
            for reason in outcome.reasons
            where knowledge.rank(of: reason.level) >= holdFrom && !held.contains(reason.ruleID) {
                holdReasons.append(reason)
            }
        }
        holdReasons.sort { knowledge.rank(of: $0.level) > knowledge.rank(of: $1.level) }
        return Decision(
            verdict: holdReasons.isEmpty ? Decision.proceed : Decision.hold, holdReasons: holdReasons, notes: notes,
            noteAdvice: Self.unique(noteAdvice))
    }
}
