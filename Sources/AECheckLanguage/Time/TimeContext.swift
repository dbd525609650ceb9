import Foundation

/// What a time answer is read against.
///
/// Holds the current moment, the person's time zone and the anchors (such as the infusion start)
/// that relative phrases may refer to. Nothing is read from the system clock.
///
///     let context = TimeContext(now: now, timeZone: TimeZone(identifier: "Europe/London")!)
public struct TimeContext: Sendable {
    /// The moment the answer is given; onsets must lie at or before it.
    ///
    /// Every relative phrase ("2 hours ago", "yesterday") is counted back from this date.
    ///
    ///     context.now = Date()
    public var now: Date

    /// The time zone clock times and days are read in.
    ///
    /// ISO times with an explicit offset ignore it.
    ///
    ///     context.timeZone = TimeZone(identifier: "Europe/London")!
    public var timeZone: TimeZone

    /// Known anchors by id, e.g. "infusion-start" -> band.
    ///
    /// A relative phrase naming an anchor missing here is refused with `.unknownAnchor`.
    ///
    ///     context.anchors["infusion-start"] = TimeBand(instant: start)
    public var anchors: [String: TimeBand]

    /// What an anchor's event covers, by anchor id, for "during": "during the drip" is the
    /// infusion from its start to its end ("infusion-start" -> start to end). An anchor missing
    /// here is refused after "during" with `.unknownAnchor`.
    ///
    ///     context.spans["infusion-start"] = TimeBand(earliest: start, latest: end)
    public var spans: [String: TimeBand] = [:]

    /// Words that name an anchor in a relative phrase, lowercased, mapped to anchor ids.
    ///
    /// For example `["the session started": "infusion-start", "it started": "infusion-start"]`;
    /// supplied by the caller from knowledge files. The longest phrase that matches wins.
    ///
    ///     context.anchorPhrases["the session started"] = "infusion-start"
    public var anchorPhrases: [String: String] {
        didSet { anchorMatcher = AnchorMatcher(anchorPhrases) }
    }

    /// Whether a numeric date such as 10/11 is read day first (everywhere but the United States).
    ///
    /// Only the order of the two readings in a question back depends on it: a numeric date whose
    /// two readings are both real past dates is never guessed.
    ///
    ///     context.dayFirst = false  // --region US
    public var dayFirst = true

    /// Corrects misspelt time words; its guard keeps real English words as written.
    ///
    ///     context.speller = TimeSpeller(isKnownWord: englishWords.contains)
    public var speller = TimeSpeller.standard

    /// `anchorPhrases` ready to find in a text, made when they are set.
    private(set) var anchorMatcher: AnchorMatcher

    /// Creates a context.
    ///
    /// Anchors and anchor phrases default to none.
    ///
    ///     TimeContext(now: now, timeZone: .gmt, anchors: ["infusion-start": band])
    public init(
        now: Date, timeZone: TimeZone, anchors: [String: TimeBand] = [:],
        anchorPhrases: [String: String] = [:]
    ) {
        self.init(
            now: now, timeZone: timeZone, anchors: anchors, anchorPhrases: anchorPhrases,
            anchorMatcher: AnchorMatcher(anchorPhrases))
    }

    /// A context with a matcher already made from `anchorPhrases` (an interview makes one for
    /// all its answers).
    public init(
        now: Date, timeZone: TimeZone, anchors: [String: TimeBand], anchorPhrases: [String: String],
        anchorMatcher: AnchorMatcher
    ) {
        self.now = now
        self.timeZone = timeZone
        self.anchors = anchors
        self.anchorPhrases = anchorPhrases
        self.anchorMatcher = anchorMatcher
    }
}
