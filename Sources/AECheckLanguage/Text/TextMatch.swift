import Foundation

/// One finding understood in the text, with where it came from.
///
/// Ranges index the string that was passed to ``SymptomMatcher/match(_:timeFinder:)``.
///
/// ```swift
/// let text = "no fizz"
/// let found = matcher.match(text)[0]  // findingID "fizz", status .absent, cue "no"
/// ```
public struct TextMatch: Hashable, Sendable {
    /// The finding named by the matched phrase.
    ///
    /// Example: `"fizz"`.
    public var findingID: String
    /// How the text speaks of the finding.
    ///
    /// Example: `.absent` for "no fizz".
    public var status: MatchStatus
    /// Whether the finding belongs to someone other than the patient.
    ///
    /// "my son has sparkles" gives `true`; the caller will not count it for the patient.
    public var aboutSomeoneElse: Bool
    /// The span of the matched phrase in the input.
    ///
    /// Example: `text[match.range] == "Fizz"`.
    public var range: Range<String.Index>
    /// The exact words in the input.
    ///
    /// Example: `"Out of tune"`.
    public var matchedText: String
    /// The lexicon phrase it matched.
    ///
    /// Example: `"out of tune"`.
    public var phrase: String
    /// The cue that changed the reading, if any.
    ///
    /// The negation or uncertainty cue when the status is not `present`, otherwise the
    /// other-person cue when `aboutSomeoneElse` is `true`. Example: `"not sure if"`.
    public var cue: String?
    /// The nearest time phrase in the same sentence, if the time finder found one.
    ///
    /// Example: the range of `"yesterday"` in "sparkles yesterday".
    public var timeRange: Range<String.Index>?
    /// Whether a typo tolerance was needed.
    ///
    /// Example: `true` for "sparkels" matching "sparkles".
    public var corrected: Bool
    /// Now, in the past, or a "what if" (only current mentions are signs now).
    public var temporality: Temporality = .current
    /// Whether a cue says it has settled ("it has cleared up").
    public var resolved = false
    /// Whether a cue says it has gone altogether ("it's over", "cleared up").
    public var cleared = false
    /// How it came on, when its sentence says so ("gradually", "for years").
    public var course: Course?
    /// Whether its sentence says it is getting worse.
    public var worsening = false
    /// Whether its sentence says it is not getting worse ("it isn't spreading").
    public var steady = false

    /// Creates a match.
    ///
    /// Callers normally receive matches from ``SymptomMatcher``; this exists for tests and fakes.
    /// Example: `TextMatch(findingID: "fizz", status: .present, aboutSomeoneElse: false,
    /// range: r, matchedText: "fizz", phrase: "fizz", cue: nil, timeRange: nil, corrected: false)`.
    public init(
        findingID: String,
        status: MatchStatus,
        aboutSomeoneElse: Bool,
        range: Range<String.Index>,
        matchedText: String,
        phrase: String,
        cue: String?,
        timeRange: Range<String.Index>?,
        corrected: Bool
    ) {
        self.findingID = findingID
        self.status = status
        self.aboutSomeoneElse = aboutSomeoneElse
        self.range = range
        self.matchedText = matchedText
        self.phrase = phrase
        self.cue = cue
        self.timeRange = timeRange
        self.corrected = corrected
    }
}
