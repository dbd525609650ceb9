import AECheckLanguage
import Foundation

/// Why a rule fired: the rule, in plain words, with what made it fire and its sources.
public struct Reason: Hashable, Sendable {
    public var ruleID: String
    public var level: String
    public var text: Wording
    /// Findings that made it fire.
    public var findings: [String]
    /// Things that were not known and were taken the safer way.
    public var assumptions: [String]
    public var citations: [Citation]
    /// The findings of `findings` that were "not sure" rather than reported: `why` names
    /// them apart, so a person is never told they have what they did not report.
    public var unsure: [String] = []
}

/// The result of triage: how urgently to get help, what to do, and why.
public struct Outcome: Hashable, Sendable {
    /// The level id (`emergency`, `urgent`, `soon`, `self-care`).
    public var level: String
    /// Action ids, in rule order, without repeats.
    public var actions: [String]
    /// Advice ids of the rules at the outcome's level (lower-level advice such as self-care
    /// would only distract from it), without repeats.
    public var advice: [String]
    /// Every rule that fired, most urgent first.
    public var reasons: [Reason]
    /// What was assumed because it was not known.
    public var assumptions: [String]
    /// Findings not yet asked whose answer could still raise the level.
    public var openQuestions: [String]
    /// Proceed or hold, for a flow that ends in a decision (the nurse checklist).
    public var decision: Decision?
}
