import Foundation

extension TimeVocabulary {
    /// Month names and their abbreviations, mapped to month numbers (January = 1).
    public static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Month words that are also everyday English words; they name a month only beside a day
    /// number or after "in".
    public static let ambiguousMonths: Set<String> = ["may", "mar", "march", "jan", "sep"]

    /// Ordinal words for days of the month ("the third", "the twenty-first").
    public static let ordinals: [String: Int] = {
        let ones = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth",
        ]
        var table: [String: Int] = [:]
        for (index, word) in ones.enumerated() { table[word] = index + 1 }
        table["twentieth"] = 20
        table["thirtieth"] = 30
        for (index, word) in ones.prefix(9).enumerated() {
            table["twenty-" + word] = 21 + index
            table["twenty " + word] = 21 + index
        }
        table["thirty-first"] = 31
        return table
    }()

    /// Suffixes that make a number an ordinal ("13th", "1st").
    public static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Seasons (northern hemisphere) as the first month and the number of months.
    public static let seasons: [String: (month: Int, months: Int)] = [
        "spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3),
    ]

    /// Shorthand, text speak and slang for time words, mapped to the word they stand for.
    ///
    /// Applied to whole tokens before the grammar runs ("yday" reads as "yesterday").
    public static let aliases: [String: String] = [
        "yday": "yesterday", "y'day": "yesterday", "yest": "yesterday", "yesterdy": "yesterday",
        "ystrdy": "yesterday", "ystrday": "yesterday", "yda": "yesterday", "2day": "today", "tday": "today",
        "2morrow": "tomorrow", "2moro": "tomorrow", "2mrw": "tomorrow", "tmrw": "tomorrow", "tomoz": "tomorrow",
        "tmr": "tomorrow", "tomo": "tomorrow", "2nite": "tonight", "tonite": "tonight", "nite": "night",
        "arvo": "afternoon", "eve": "evening", "b4": "before", "prev": "last", "weds": "wednesday",
        "wk": "week", "wks": "weeks", "dayz": "days", "hrz": "hours", "minz": "mins", "xmas": "christmas",
        "fortnite": "fortnight", "@": "at", "mornin": "morning", "evenin": "evening",
    ]

    /// Words the speller may correct a misspelling into: the words of the time grammar that are
    /// long enough to be told apart.
    public static let spellable: [String] = {
        var words: Set<String> = [
            "yesterday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "midnight",
            "minutes", "minute", "hours", "weeks", "months", "fortnight", "lunchtime", "teatime", "christmas",
            "before", "about", "around", "three", "seven", "eight", "eleven", "twelve", "fifteen", "twenty",
            "thirty", "forty", "fifty", "ninety",
        ]
        words.formUnion(weekdays.keys)
        words.formUnion(months.keys.filter { $0.count >= 5 })
        return words.sorted()
    }()

    /// Everyday English words near a time word, never corrected into one ("weak" is not "week",
    /// "mouth" is not "month"). Until a shared English word list is plugged in, this is the
    /// speller's real-word guard.
    public static let guardWords: Set<String> = [
        "weak", "mouth", "moth", "mourning", "morn", "ours", "our", "hour", "minuet", "mining", "mints",
        "sundry", "sunny", "monday", "money", "evening", "even", "event", "events", "ever", "every", "meaning",
        "moaning", "mooning", "morbid", "todays", "toady", "toddy", "tonight", "tonsil", "tonsils", "aground",
        "abort", "about", "around", "rounded", "afternoons", "mornings", "evenings", "nights", "months",
        "sunday", "fortnightly", "weekly", "monthly", "hourly", "daily", "yearly", "thursday", "tuesday",
        "wednesday", "friday", "saturday", "christmas", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december", "minutes", "minute", "hours",
        "weeks", "yesterday", "today", "tomorrow", "morning", "afternoon", "midnight", "before", "lunchtime",
        "teatime", "ended", "tender", "fried", "frying", "junk", "jury", "julie", "maybe", "mayday",
        "marching", "marcher", "octopus", "sunburn", "sundae", "monkey", "wedding", "wedge", "satin",
        "satire", "fridge", "frida", "freda", "tuesdays", "mother", "mothers", "smoother",
    ]

    /// Words after which a time phrase in a sentence names something still to come
    /// ("it's booked for friday", "I'll have it tuesday").
    public static let futureCues: Set<String> = [
        "booked", "scheduled", "will", "i'll", "we'll", "she'll", "he'll", "yet", "upcoming", "planned",
        "going", "gonna", "due",
    ]

    /// Words that say the time is not known; they mean "unknown" in every time field.
    public static let unknownAnswers: Set<String> = [
        "unknown", "not sure", "unsure", "not known", "dont know", "don't know", "i don't know",
        "i dont know", "idk", "?", "no idea", "not certain", "n/k", "nk", "dunno", "can't remember",
        "cant remember", "can't recall", "cant recall", "forgot", "not known",
    ]
}
