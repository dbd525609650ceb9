import Foundation

/// A point or a span in time: an onset known exactly (earliest == latest) or only roughly.
///
///     TimeBand(instant: date).isInstant  // true
public struct TimeBand: Hashable, Sendable {
    /// The earliest it can be.
    public var earliest: Date
    /// The latest it can be.
    public var latest: Date

    /// Creates a band; the bounds are put in order.
    public init(earliest: Date, latest: Date) {
        self.earliest = min(earliest, latest)
        self.latest = max(earliest, latest)
    }

    /// Creates a band of a single instant.
    public init(instant: Date) {
        self.init(earliest: instant, latest: instant)
    }

    /// True when the time is known exactly.
    public var isInstant: Bool { earliest == latest }

    /// The same band moved by `seconds`.
    public func shifted(by seconds: TimeInterval) -> TimeBand {
        TimeBand(earliest: earliest + seconds, latest: latest + seconds)
    }
}
