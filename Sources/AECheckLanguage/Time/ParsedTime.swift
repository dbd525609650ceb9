import Foundation

/// A time the parser accepted.
///
/// Carries the band the onset lies in, plus, when the reading involved a choice, the other
/// plausible reading and a one-line note explaining the choice.
///
///     let parsed = try TimeParser.parse("10:30", in: context).get()
///     parsed.band.earliest  // today (or yesterday) at 10:30
public struct ParsedTime: Hashable, Sendable {
    /// When the onset happened, exactly or roughly.
    ///
    /// Never later than the context's `now`.
    ///
    ///     parsed.band.isInstant  // true for "10:30"
    public var band: TimeBand

    /// The other plausible reading when the reading was a choice.
    ///
    /// Set for a bare clock time read as its latest past occurrence: the same clock time one
    /// calendar day earlier. Nil otherwise.
    ///
    ///     parsed.alternative?.earliest  // yesterday at 10:30
    public var alternative: TimeBand?

    /// One-line plain explanation of a choice made.
    ///
    /// For example "read 10:30 as today at 10:30"; nil when nothing was chosen.
    ///
    ///     parsed.note  // "read 10:30 as today at 10:30"
    public var note: String?

    /// Creates a parsed time.
    ///
    /// The alternative and note default to none.
    ///
    ///     ParsedTime(band: TimeBand(instant: now))
    public init(band: TimeBand, alternative: TimeBand? = nil, note: String? = nil) {
        self.band = band
        self.alternative = alternative
        self.note = note
    }
}
