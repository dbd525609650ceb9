import AECheckLanguage
/// What the interview asks next.
public struct Prompt: Hashable, Sendable {
    /// What kind of answer it takes.
    public enum Kind: Hashable, Sendable {
        /// Pick any of the numbered findings, or none, or not sure.
        case pickFindings
        /// Yes, no or not sure.
        case yesNo
        /// Pick one numbered option.
        case choice
        /// A number.
        case number
        /// A time ("2 hours ago", "10:30", "I don't know").
        case time
        /// Free text.
        case text
        /// Confirm what was understood from free text.
        case confirm
    }

    /// A stable key in the answer log, e.g. `emergency-screen` or `emergency-screen/seizure`.
    public var key: String
    /// The question record it comes from.
    public var questionID: String
    public var kind: Kind
    /// The question in both registers.
    public var text: Wording
    /// Numbered options (1-based in the front end).
    public var options: [Option]
    /// Optional help text from the knowledge.
    public var help: String?
    /// Whether words typed after the answer ("none, but my lamp is glowing") can be read as
    /// the person's own words here; where they cannot, such a line is refused and asked again.
    public var takesWords = false
}

/// One step of the interview: a question, or the end.
public enum InterviewStep: Hashable, Sendable {
    case question(Prompt)
    case outcome(Outcome)
}

/// The reply to an answer: accepted, or refused with a one-line reason (nothing committed).
public enum AnswerResult: Hashable, Sendable {
    case accepted
    case invalid(String)
}

/// One answer in the append-only log: which prompt, and the answer in a normal form.
public struct LoggedAnswer: Hashable, Sendable, Codable {
    public var key: String
    public var answer: String

    public init(key: String, answer: String) {
        self.key = key
        self.answer = answer
    }
}
