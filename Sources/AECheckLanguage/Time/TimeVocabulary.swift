import Foundation

/// A unit a quantity of time is counted in.
public enum TimeUnit: Sendable {
    case second, minute, hour, day, week, fortnight, month, year

    /// `value` of this unit as a calendar span.
    public func span(_ value: Double) -> CalendarSpan {
        switch self {
        case .second: return CalendarSpan(seconds: value)
        case .minute: return CalendarSpan(seconds: value * 60)
        case .hour: return CalendarSpan(seconds: value * 3600)
        case .day: return CalendarSpan(days: value)
        case .week: return CalendarSpan(days: value * 7)
        case .fortnight: return CalendarSpan(days: value * 14)
        case .month: return CalendarSpan(months: value)
        case .year: return CalendarSpan(months: value * 12)
        }
    }
}

/// A part of a day named in words ("morning", "tonight").
public enum DayPart: Sendable {
    case morning, afternoon, evening, night, tonight
    /// 11:30 to 14:30.
    case lunchtime
    /// 16:00 to 19:00.
    case teatime
    /// "first thing": 05:30 to 09:00.
    case firstThing
    /// "the early hours": midnight to 06:00.
    case earlyHours
    /// "pm": midday to 23:00.
    case afterMidday
    /// "late" at night: 21:00 to 03:00.
    case lateNight
}

/// The fixed words the time grammar knows.
public enum TimeVocabulary: Sendable {
    public static let units: [String: TimeUnit] = [
        "sec": .second, "secs": .second, "second": .second, "seconds": .second,
        "min": .minute, "mins": .minute, "minute": .minute, "minutes": .minute,
        "h": .hour, "hr": .hour, "hrs": .hour, "hour": .hour, "hours": .hour,
        "d": .day, "day": .day, "days": .day,
        "wk": .week, "wks": .week, "week": .week, "weeks": .week,
        "fortnight": .fortnight, "fortnights": .fortnight, "month": .month, "months": .month, "mth": .month,
        "mths": .month,
        "yr": .year, "yrs": .year, "year": .year, "years": .year,
    ]

    public static let approximators: Set<String> = [
        "about", "around", "roughly", "approx", "approximately", "maybe", "circa", "perhaps", "probably",
        "abt",
    ]

    public static let leads: Set<String> = [
        "since", "from", "at", "on", "started", "starting", "start", "began", "begun", "beginning", "when",
        "sometime", "literally", "only", "exactly", "been", "was", "during", "for", "over", "commenced",
    ]

    public static let startVerbs: Set<String> = ["started", "began", "begun", "starts", "start"]

    public static let parts: [String: DayPart] = [
        "morning": .morning, "afternoon": .afternoon, "evening": .evening, "night": .night,
        "lunchtime": .lunchtime, "lunch": .lunchtime, "teatime": .teatime, "am": .morning, "pm": .afterMidday,
    ]

    /// Weekday names mapped to `Calendar` weekday numbers (Sunday = 1).
    public static let weekdays: [String: Int] = [
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ]

    /// Abbreviations, accepted only in whole answers ("sat" and "sun" are ordinary words in sentences).
    public static let weekdayAbbreviations: [String: Int] = [
        "sun": 1, "mon": 2, "tue": 3, "tues": 3, "wed": 4, "thu": 5, "thur": 5, "thurs": 5, "fri": 6,
        "sat": 7,
    ]

    private static let ones: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]

    private static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    ]

    /// Words that may begin a time phrase (besides numbers, ISO stamps and "~").
    private static let starters: Set<String> = {
        var words: Set<String> = [
            "a", "an", "later", "couple", "few", "several", "half", "quarter", "just", "right", "moments", "in",
            "today",
            "yesterday", "tomorrow", "tonight", "earlier", "the", "day", "this", "last", "next", "noon",
            "midday",
            "midnight", "it", "they", "back", "first", "more", "less", "under", "not", "within", "early", "late",
            "mid", "middle", "end", "christmas", "good", "well", "past", "years", "months", "weeks", "hour",
            "fortnight", "week", "month", "year", "lunchtime", "lunch", "teatime", "towards",
        ]
        words.formUnion(leads)
        words.formUnion(approximators)
        words.formUnion(weekdays.keys)
        words.formUnion(weekdayAbbreviations.keys)
        words.formUnion(ones.keys)
        words.formUnion(tens.keys)
        words.formUnion(months.keys)
        words.formUnion(seasons.keys)
        words.formUnion(ordinals.keys)
        return words
    }()

    /// Whether a phrase can begin at `token`; a cheap filter before trying the grammar.
    public static func canStartPhrase(_ token: TimeToken) -> Bool {
        switch token.kind {
        case .number, .iso: return true
        case .symbol(let symbol): return symbol == "~"
        case .word(let word): return starters.contains(word) || number(word) != nil
        }
    }

    /// The value of a number word ("seven", "thirty", "forty-five"), or nil.
    public static func number(_ word: String) -> Double? {
        if let value = ones[word] ?? tens[word] { return value }
        guard word.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let pieces = word.split(separator: "-")
        guard pieces.count == 2, let ten = tens[String(pieces[0])], let one = ones[String(pieces[1])],
            one < 10
        else { return nil }
        return ten + one
    }

    /// Whether `word` is a tens word that a ones word may follow ("twenty five").
    public static func isTens(_ word: String) -> Bool { tens[word] != nil }

    /// The value of a ones word below ten, for "twenty five".
    public static func digitWord(_ word: String) -> Double? {
        guard let value = ones[word], value < 10 else { return nil }
        return value
    }

    /// The index after an approximating word ("about", "~", "approx.") at `index`, or nil.
    public static func approximatorEnd(in tokens: [TimeToken], at index: Int) -> Int? {
        guard index < tokens.count else { return nil }
        switch tokens[index].kind {
        case .symbol("~"):
            return index + 1
        case .word(let word) where approximators.contains(word):
            if word == "approx", index + 1 < tokens.count, tokens[index + 1].kind == .symbol(".") {
                return index + 2
            }
            return index + 1
        default:
            return nil
        }
    }

    /// The index after a trailing approximation ("ish", "-ish", "or so") at `index`, or nil.
    public static func approximateSuffixEnd(in tokens: [TimeToken], at index: Int) -> Int? {
        guard index < tokens.count else { return nil }
        let next = index + 1 < tokens.count ? tokens[index + 1].word : nil
        switch tokens[index].kind {
        case .word("ish"): return index + 1
        case .symbol("-") where next == "ish": return index + 2
        case .word("or") where next == "so": return index + 2
        default: return nil
        }
    }
}
