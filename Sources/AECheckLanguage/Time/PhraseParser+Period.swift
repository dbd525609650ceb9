import Foundation

extension PhraseParser {
    /// Which part of a period a phrase names: "early", "mid", "late" October.
    private enum Third {
        case early, middle, late
    }

    /// Reads a span of the calendar: "last week", "the week before last", "this month", "last year",
    /// "October", "in October 2025", "in 2024", "summer 2025", "in the spring", "at Christmas",
    /// "early October", "the end of last month", "last month, around the 20th"; refuses "next week".
    public func period(at index: Int, lead: String?) -> Step<Reading> {
        var position = index
        if word(position) == "the", word(position + 1) == "very" { position += 2 }
        if word(position) == "the" { position += 1 }
        if word(position) == "very" { position += 1 }
        var third: Third?
        if let (found, next) = thirdWords(at: position) { (third, position) = (found, next) }
        if third != nil, word(position) == "the" { position += 1 }
        guard case .matched(var band, var next, let unit) = span(at: position, lead: lead ?? word(index - 1)) else {
            if case .refused(let refusal) = span(at: position, lead: lead) { return .refused(refusal) }
            return .none
        }
        if third == nil, position != index, word(index) != "the" { return .none }
        if let third { band = narrow(band, to: third) }
        // "last month, around the 20th"; "last week on the Thursday".
        var dayIndex = skipComma(next)
        var approximate = false
        while let after = TimeVocabulary.approximatorEnd(in: tokens, at: dayIndex) {
            approximate = true
            dayIndex = after
        }
        if unit == .month, word(dayIndex) == "the", let (day, after) = ordinalDay(at: dayIndex + 1) {
            let start = calendar.date(byAdding: .day, value: day - 1, to: band.earliest) ?? band.earliest
            guard calendar.component(.day, from: start) == day else {
                return .refused(.impossible(source(index, after)))
            }
            band = TimeBand(earliest: start, latest: calendar.startOfDay(1, from: start))
            return .matched(Reading(band: band, widening: .days(1), approximate: approximate), next: after)
        }
        if unit == .week {
            var weekdayIndex = dayIndex
            if word(weekdayIndex) == "on" { weekdayIndex += 1 }
            if word(weekdayIndex) == "the" { weekdayIndex += 1 }
            if let weekday = weekday(weekdayIndex) {
                let day = (weekday + 5) % 7
                let start = calendar.startOfDay(day, from: band.earliest)
                band = TimeBand(earliest: start, latest: calendar.startOfDay(1, from: start))
                next = weekdayIndex + 1
            }
        }
        let widening: Widening = unit == .year ? .days(30) : unit == .month ? .days(7) : .days(2)
        return .matched(Reading(band: band, widening: widening), next: next)
    }

    private func ordinalDay(at index: Int) -> (Int, Int)? {
        guard index < tokens.count else { return nil }
        if case .number(let digits) = tokens[index].kind, digits.count <= 2, let value = Int(digits), touching(index),
            let suffix = word(index + 1), TimeVocabulary.ordinalSuffixes.contains(suffix)
        {
            return (value, index + 2)
        }
        if let name = word(index), let value = TimeVocabulary.ordinals[name] { return (value, index + 1) }
        return nil
    }

    private func thirdWords(at index: Int) -> (Third, Int)? {
        var position = index
        if word(position) == "towards" || word(position) == "toward" || word(position) == "at" { position += 1 }
        if word(position) == "the" { position += 1 }
        guard let first = word(position) else { return nil }
        switch first {
        case "early": return (.early, position + 1)
        case "mid": return (.middle, position + 1 + (word(position + 1) == "of" ? 1 : 0))
        case "late": return (.late, position + 1)
        case "start", "beginning", "middle", "end":
            guard word(position + 1) == "of" else { return nil }
            let third: Third = first == "middle" ? .middle : first == "end" ? .late : .early
            return (third, position + 2)
        default:
            if first.hasPrefix("mid-") { return nil }
            return nil
        }
    }

    private func narrow(_ band: TimeBand, to third: Third) -> TimeBand {
        let length = band.latest.timeIntervalSince(band.earliest) / 3
        switch third {
        case .early: return TimeBand(earliest: band.earliest, latest: band.earliest.addingTimeInterval(length))
        case .middle:
            return TimeBand(
                earliest: band.earliest.addingTimeInterval(length),
                latest: band.earliest.addingTimeInterval(2 * length))
        case .late: return TimeBand(earliest: band.latest.addingTimeInterval(-length), latest: band.latest)
        }
    }

    /// The whole period named at `index` (before clipping to now), the index after it and its unit.
    private enum SpanStep {
        case none
        case matched(TimeBand, Int, TimeUnit)
        case refused(TimeRefusal)
    }

    private func span(at index: Int, lead: String?) -> SpanStep {
        var position = index
        let inWords: Set<String> = ["in", "during", "since", "back", "sometime"]
        var introduced = lead.map { inWords.contains($0) || $0 == "from" } ?? false
        while let word = word(position), inWords.contains(word) || (word == "the" && introduced) {
            introduced = true
            position += 1
        }
        if introduced || word(index - 1).map({ ["early", "late", "mid", "of"].contains($0) }) == true,
            let (year, after) = yearNumber(at: position)
        {
            guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)) else { return .none }
            guard start <= now else { return .refused(.future) }
            let end = calendar.date(byAdding: .year, value: 1, to: start) ?? start
            return .matched(TimeBand(earliest: start, latest: end), after, .year)
        }
        guard let first = word(position) else { return .none }
        let today = calendar.startOfDay(for: now)
        switch first {
        case "last", "this", "next", "previous", "past":
            guard let unitWord = word(position + 1) else { return .none }
            let step = first == "next" ? 1 : first == "this" ? 0 : -1
            if let (month, _) = seasonOrHoliday(unitWord) {
                guard step <= 0 else { return .refused(.future) }
                return seasonBand(month, name: unitWord, at: position + 1, latestBefore: step < 0)
            }
            guard let unit = periodUnit(unitWord) else { return .none }
            guard step <= 0 else { return .refused(.future) }
            var start = startOf(unit, containing: today)
            var next = position + 2
            if step < 0 { start = calendar.date(byAdding: component(unit), value: -1, to: start) ?? start }
            if step < 0, word(next) == "but", word(next + 1) == "one" {
                start = calendar.date(byAdding: component(unit), value: -1, to: start) ?? start
                next += 2
            }
            let end = calendar.date(byAdding: component(unit), value: 1, to: start) ?? start
            return .matched(TimeBand(earliest: start, latest: end), next, unit)
        case "week", "month", "year":
            // "the week before last"
            guard word(position - 1) == "the", word(position + 1) == "before", word(position + 2) == "last",
                let unit = periodUnit(first)
            else { return .none }
            var start = startOf(unit, containing: today)
            start = calendar.date(byAdding: component(unit), value: -2, to: start) ?? start
            let end = calendar.date(byAdding: component(unit), value: 1, to: start) ?? start
            return .matched(TimeBand(earliest: start, latest: end), position + 3, unit)
        default:
            break
        }
        if let (month, afterMonth) = monthWord(at: position, introduced: introduced),
            !monthIsFollowedByDay(afterMonth)
        {
            var year = calendar.component(.year, from: now)
            var next = afterMonth
            if let (value, after) = yearNumber(at: next) {
                (year, next) = (value, after)
            } else if month > calendar.component(.month, from: now) {
                year -= 1
            }
            guard let start = calendar.date(from: DateComponents(year: year, month: month, day: 1)) else {
                return .none
            }
            guard start <= now else { return .refused(.future) }
            let end = calendar.date(byAdding: .month, value: 1, to: start) ?? start
            return .matched(TimeBand(earliest: start, latest: end), next, .month)
        }
        if let (month, _) = seasonOrHoliday(first) {
            if let (year, after) = yearNumber(at: position + 1) {
                return seasonBand(month, name: first, at: position, year: year, next: after)
            }
            return seasonBand(month, name: first, at: position, latestBefore: false)
        }
        return .none
    }

    /// Whether a day of the month follows a month name ("Nov. 9", "Nov the 9th"): then it is a date.
    private func monthIsFollowedByDay(_ index: Int) -> Bool {
        var position = index
        if position < tokens.count, tokens[position].kind == .symbol(".") { position += 1 }
        if word(position) == "the" { position += 1 }
        return dayOfMonth(at: position, plain: true) != nil
    }

    private func monthWord(at index: Int, introduced: Bool) -> (Int, Int)? {
        guard let name = word(index) else { return nil }
        if name.hasPrefix("mid-") { return nil }
        guard let month = TimeVocabulary.months[name] else { return nil }
        let strictOK = !TimeVocabulary.ambiguousMonths.contains(name) || introduced || yearNumber(at: index + 1) != nil
        guard strictOK else { return nil }
        if mode == .sentence, name.count <= 4, !introduced, yearNumber(at: index + 1) == nil { return nil }
        return (month, index + 1)
    }

    private func yearNumber(at index: Int) -> (Int, Int)? {
        guard index < tokens.count, case .number(let digits) = tokens[index].kind, digits.count == 4,
            let value = Int(digits), (1900...2099).contains(value)
        else { return nil }
        return (value, index + 1)
    }

    private func seasonOrHoliday(_ word: String) -> (Int, Int)? {
        if let season = TimeVocabulary.seasons[word] { return (season.month, season.months) }
        if word == "christmas" { return (12, 0) }
        return nil
    }

    /// The latest season (or Christmas) that has begun; `latestBefore` skips one under way.
    private func seasonBand(_ month: Int, name: String, at index: Int, latestBefore: Bool) -> SpanStep {
        var year = calendar.component(.year, from: now)
        for _ in 0..<3 {
            if case .matched(let band, let next, let unit) = seasonBand(
                month, name: name, at: index, year: year, next: index + 1),
                band.earliest <= now, !(latestBefore && band.latest > now)
            {
                return .matched(band, next, unit)
            }
            year -= 1
        }
        return .none
    }

    private func seasonBand(_ month: Int, name: String, at index: Int, year: Int, next: Int) -> SpanStep {
        if name == "christmas" {
            guard let start = calendar.date(from: DateComponents(year: year, month: 12, day: 24)) else { return .none }
            guard start <= now else { return .refused(.future) }
            return .matched(TimeBand(earliest: start, latest: calendar.startOfDay(3, from: start)), next, .day)
        }
        // Winter 2025 runs from December 2025 into 2026.
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: 1)) else { return .none }
        guard start <= now else { return .refused(.future) }
        let end = calendar.date(byAdding: .month, value: 3, to: start) ?? start
        return .matched(TimeBand(earliest: start, latest: end), next, .month)
    }

    private func periodUnit(_ word: String) -> TimeUnit? {
        switch word {
        case "week": return .week
        case "month": return .month
        case "year": return .year
        default: return nil
        }
    }

    private func component(_ unit: TimeUnit) -> Calendar.Component {
        switch unit {
        case .week: return .weekOfYear
        case .month: return .month
        default: return .year
        }
    }

    /// The start of the week (Monday), month or year holding `day`.
    private func startOf(_ unit: TimeUnit, containing day: Date) -> Date {
        switch unit {
        case .week:
            let back = (calendar.component(.weekday, from: day) + 5) % 7
            return calendar.startOfDay(-back, from: day)
        case .month:
            let parts = calendar.dateComponents([.year, .month], from: day)
            return calendar.date(from: parts) ?? day
        default:
            let parts = calendar.dateComponents([.year], from: day)
            return calendar.date(from: parts) ?? day
        }
    }
}
