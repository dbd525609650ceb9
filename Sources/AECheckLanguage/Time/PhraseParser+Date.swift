import Foundation

extension PhraseParser {
    /// A day of the month at `index`: "13th", "the 3rd", "thirteenth", or a plain number when
    /// `plain` allows it; with the index after it and whether it was an ordinal.
    func dayOfMonth(at index: Int, plain: Bool) -> (day: Int, next: Int, ordinal: Bool)? {
        guard index < tokens.count else { return nil }
        switch tokens[index].kind {
        case .number(let digits):
            guard digits.count <= 2, let value = Int(digits) else { return nil }
            if touching(index), let suffix = word(index + 1), TimeVocabulary.ordinalSuffixes.contains(suffix) {
                return (value, index + 2, true)
            }
            guard plain else { return nil }
            if touching(index), case .symbol(let symbol) = tokens[index + 1].kind, symbol != "," { return nil }
            return (value, index + 1, false)
        case .word(let word):
            if let value = TimeVocabulary.ordinals[word] { return (value, index + 1, true) }
            if TimeVocabulary.isTens(word), let one = self.word(index + 1), let value = TimeVocabulary.ordinals[one],
                value < 10
            {
                return (Int(TimeVocabulary.number(word) ?? 0) + value, index + 2, true)
            }
            return nil
        default:
            return nil
        }
    }

    /// A month name at `index` ("November", "Nov", "Nov."), with the index after it.
    private func monthName(at index: Int, strict: Bool) -> (Int, Int)? {
        guard let name = word(index), let month = TimeVocabulary.months[name] else { return nil }
        if strict, TimeVocabulary.ambiguousMonths.contains(name) { return nil }
        var next = index + 1
        if next < tokens.count, tokens[next].kind == .symbol("."), touching(index) { next += 1 }
        return (month, next)
    }

    /// A four-digit year at `index`.
    private func year(at index: Int) -> (Int, Int)? {
        guard index < tokens.count, case .number(let digits) = tokens[index].kind, digits.count == 4,
            let value = Int(digits), (1900...2099).contains(value)
        else { return nil }
        return (value, index + 1)
    }

    /// Reads a calendar date: "14 Nov", "14th of November 2026", "Nov 14th", "the 14th",
    /// "14/11", "14/11/26", "14.11.2026". A date without a year is its latest past occurrence,
    /// unless it is only weeks ahead (then it is a future date and refused).
    public func calendarDate(at index: Int) -> Step<Date> {
        var position = index
        if word(position) == "the" { position += 1 }
        // Day then month: "14th Nov", "14 of November 2026".
        if let (day, afterDay, ordinal) = dayOfMonth(at: position, plain: true) {
            var monthIndex = afterDay
            if word(monthIndex) == "of" { monthIndex += 1 }
            if let (month, afterMonth) = monthName(at: monthIndex, strict: false) {
                var next = afterMonth
                var year: Int?
                let yearIndex = skipComma(next)
                if let (value, after) = self.year(at: yearIndex) { (year, next) = (value, after) }
                return resolve(day: day, month: month, year: year, next: next, written: source(index, next))
            }
            if ordinal, word(afterDay) != "of" || isWord(afterDay + 1, "the") {
                // "the 3rd", "1st of the month": the latest past such day.
                var next = afterDay
                if word(next) == "of", word(next + 1) == "the" || word(next + 1) == "this",
                    word(next + 2) == "month"
                {
                    next += 3
                }
                return latestDayOfMonth(day, next: next, written: source(index, next))
            }
        }
        if position != index { return .none }
        // Month then day: "Nov 14", "November the 14th, 2026".
        if let (month, afterMonth) = monthName(at: index, strict: false) {
            var dayIndex = afterMonth
            if word(dayIndex) == "the" { dayIndex += 1 }
            guard let (day, afterDay, _) = dayOfMonth(at: dayIndex, plain: true), !isUnit(afterDay) else {
                return .none
            }
            var next = afterDay
            var year: Int?
            if let (value, after) = self.year(at: skipComma(next)) { (year, next) = (value, after) }
            return resolve(day: day, month: month, year: year, next: next, written: source(index, next))
        }
        return numericDate(at: index)
    }

    private func isUnit(_ index: Int) -> Bool {
        word(index).map { TimeVocabulary.units[$0] != nil } ?? false
    }

    /// "14/11", "11/14/26", "14.11.2026", "14-11-2026".
    private func numericDate(at index: Int) -> Step<Date> {
        guard index < tokens.count, case .number(let first) = tokens[index].kind else { return .none }
        var parts: [String]
        var next: Int
        if first.contains("."), !first.contains(":") {
            parts = first.split(separator: ".").map(String.init)
            guard parts.count == 3 else { return .none }
            next = index + 1
        } else {
            guard !first.contains(":"), !first.contains("."), first.count <= 2 else { return .none }
            parts = [first]
            next = index + 1
            var separator: Character?
            while parts.count < 3, touching(next - 1), next + 1 < tokens.count, touching(next),
                case .symbol(let symbol) = tokens[next].kind, symbol == "/" || symbol == "-",
                separator == nil || separator == symbol,
                case .number(let digits) = tokens[next + 1].kind, !digits.contains(":"), !digits.contains(".")
            {
                separator = symbol
                parts.append(digits)
                next += 2
            }
            guard parts.count >= 2, separator != "-" || parts.count == 3 else { return .none }
            if parts.count == 2, mode == .sentence, !sentenceDateAllowed(before: index) { return .none }
        }
        let written = source(index, next)
        guard parts[0].count <= 2, parts[1].count <= 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
            return .none
        }
        var year: Int?
        if parts.count == 3 {
            guard parts[2].count == 2 || parts[2].count == 4, let value = Int(parts[2]) else { return .none }
            year = parts[2].count == 2 ? 2000 + value : value
        }
        let dayFirst = resolve(day: a, month: b, year: year, next: next, written: written)
        let monthFirst = resolve(day: b, month: a, year: year, next: next, written: written)
        let preferred = context.dayFirst ? dayFirst : monthFirst
        let other = context.dayFirst ? monthFirst : dayFirst
        switch (preferred, other) {
        case (.matched(let one, _), .matched(let two, _)) where one != two:
            return .refused(.ambiguous(written, [describe(one), describe(two)]))
        case (.matched, _): return preferred
        case (_, .matched): return other
        case (.refused(.future), _), (_, .refused(.future)): return .refused(.future)
        default: return .refused(.impossible(written))
        }
    }

    /// In free text a day/month pair needs a word that makes it a date ("on 14/11", "since 14/11").
    private func sentenceDateAllowed(before index: Int) -> Bool {
        guard let previous = word(index - 1) else { return false }
        return TimeVocabulary.leads.contains(previous) || weekday(index - 1) != nil || previous == "given"
    }

    /// "14 Nov" for a date.
    private func describe(_ date: Date) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = calendar.dateComponents([.day, .month], from: date)
        return "\(parts.day ?? 0) \(names[(parts.month ?? 1) - 1])"
    }

    /// The start of the given date; without a year, its latest past occurrence.
    private func resolve(day: Int, month: Int, year: Int?, next: Int, written: String) -> Step<Date> {
        guard (1...12).contains(month), (1...31).contains(day) else { return .refused(.impossible(written)) }
        func make(_ year: Int) -> Date? {
            let components = DateComponents(year: year, month: month, day: day)
            guard let date = calendar.date(from: components),
                calendar.dateComponents([.year, .month, .day], from: date) == components
            else { return nil }
            return date
        }
        let today = calendar.startOfDay(for: now)
        if let year {
            guard let date = make(year) else { return .refused(.impossible(written)) }
            return date > now ? .refused(.future) : .matched(date, next: next)
        }
        let thisYear = calendar.component(.year, from: now)
        // A date that never exists (31 November) is impossible in every year.
        guard make(2024) != nil else { return .refused(.impossible(written)) }
        if let date = make(thisYear), date <= today { return .matched(date, next: next) }
        if let date = make(thisYear), date.timeIntervalSince(today) < 183 * 86_400 { return .refused(.future) }
        guard let date = make(thisYear - 1) ?? make(thisYear - 4) else { return .refused(.impossible(written)) }
        return .matched(date, next: next)
    }

    /// The latest past day `day` of a month: this month's, or an earlier month's.
    private func latestDayOfMonth(_ day: Int, next: Int, written: String) -> Step<Date> {
        guard (1...31).contains(day) else { return .refused(.impossible(written)) }
        var parts = calendar.dateComponents([.year, .month], from: now)
        for _ in 0..<4 {
            let components = DateComponents(year: parts.year, month: parts.month, day: day)
            if let date = calendar.date(from: components),
                calendar.component(.day, from: date) == day, date <= now
            {
                return .matched(date, next: next)
            }
            parts.month = (parts.month ?? 1) - 1
            if parts.month == 0 { (parts.month, parts.year) = (12, (parts.year ?? 0) - 1) }
        }
        return .refused(.impossible(written))
    }
}
