import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The `TimeBand` value type.
struct TimeBandTests {
    private let early = Date(timeIntervalSince1970: 1_000)
    private let late = Date(timeIntervalSince1970: 2_000)

    @Test func ordersItsEnds() {
        let band = TimeBand(earliest: late, latest: early)
        #expect(band.earliest == early)
        #expect(band.latest == late)
        #expect(!band.isInstant)
    }

    @Test func instantHasEqualEnds() {
        #expect(TimeBand(instant: early).isInstant)
        #expect(TimeBand(instant: early) == TimeBand(earliest: early, latest: early))
    }

    @Test func shiftsBothEnds() {
        let band = TimeBand(earliest: early, latest: late).shifted(by: -500)
        #expect(band.earliest == Date(timeIntervalSince1970: 500))
        #expect(band.latest == Date(timeIntervalSince1970: 1_500))
    }
}
