import AECheckLanguage
import Foundation

extension TimeBand {
    /// Whether the band covers whole calendar days: it starts at a midnight and ends at a
    /// later one, as "yesterday", "on Monday" or "14 Nov" are read.
    func isWholeDays(in calendar: Calendar) -> Bool {
        latest > earliest && calendar.startOfDay(for: earliest) == earliest
            && calendar.startOfDay(for: latest) == latest
    }

    /// The first and the last calendar day the band touches, each as the start of that day.
    /// A band ending at a midnight ends on the day before it.
    ///
    ///     // "yesterday" on 21 November: 20 Nov 00:00 ... 21 Nov 00:00
    ///     band.days(in: calendar)  // 20 Nov 00:00 ... 20 Nov 00:00
    func days(in calendar: Calendar) -> TimeBand {
        let first = calendar.startOfDay(for: earliest)
        var last = calendar.startOfDay(for: latest)
        if latest > earliest && last == latest { last = calendar.startOfDay(for: latest - 1) }
        return TimeBand(earliest: first, latest: max(first, last))
    }
}
