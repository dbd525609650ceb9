import Foundation

/// A point or a span in time: an onset known exactly (earliest == latest) or only roughly.
///
/// Bands are closed intervals; the initialiser orders the two ends so `earliest <= latest` always holds.
///
///     let band = TimeBand(instant: now).shifted(by: -3600)  // one hour ago, exactly
public struct TimeBand: Hashable, Sendable {
    /// The earliest moment the onset could have been.
    ///
    /// Never later than `latest`.
    ///
    ///     band.earliest  // 2026-11-21 11:30 +0000
    public var earliest: Date

    /// The latest moment the onset could have been.
    ///
    /// Never earlier than `earliest`.
    ///
    ///     band.latest  // 2026-11-21 12:30 +0000
    public var latest: Date

    /// Creates a band between two moments, in either order.
    ///
    /// The ends are swapped when given backwards, so the band is never empty.
    ///
    ///     TimeBand(earliest: tenAM, latest: noon)
    public init(earliest: Date, latest: Date) {
        self.earliest = min(earliest, latest)
        self.latest = max(earliest, latest)
    }

    /// The earliest end of a band with no lower end ("over a year ago"): 1 January 1900 UTC.
    public static let openStart = Date(timeIntervalSince1970: -2_208_988_800)

    /// Whether the band has no lower end.
    public var isOpenStart: Bool { earliest <= TimeBand.openStart }

    /// Creates a band for one exact moment.
    ///
    /// Both ends are the same date, so `isInstant` is true.
    ///
    ///     TimeBand(instant: now).isInstant  // true
    public init(instant: Date) {
        self.earliest = instant
        self.latest = instant
    }

    /// Whether the band is a single moment.
    ///
    /// True when `earliest == latest`.
    ///
    ///     TimeBand(earliest: a, latest: a).isInstant  // true
    public var isInstant: Bool { earliest == latest }

    /// The same band moved by a number of seconds (negative moves it earlier).
    ///
    /// Both ends move by exactly `seconds`; no calendar arithmetic is involved.
    ///
    ///     anchor.shifted(by: 20 * 60)  // twenty minutes after the anchor
    public func shifted(by seconds: TimeInterval) -> TimeBand {
        TimeBand(earliest: earliest.addingTimeInterval(seconds), latest: latest.addingTimeInterval(seconds))
    }
}
