import Foundation

/// Reads onset times people type: clock times, "2 hours ago", "yesterday evening", ISO 8601,
/// and times relative to known anchors such as the infusion start.
///
/// Readings are past-biased and deterministic: `now` and the time zone come from the context.
///
///     let result = TimeParser.parse("about 2 hours ago", in: context)
public enum TimeParser: Sendable {
    /// Parses a whole answer ("10:30", "2 hours ago", ...).
    ///
    /// Case-insensitive; surrounding whitespace and a final period are ignored. Leading words such as
    /// "since" or "started" are allowed. When the whole answer is not one time phrase, the phrases
    /// inside it are read ("it was 3 weeks ago", "I think Tuesday"): one phrase, or several that
    /// nest ("today ... this morning at 8") or are alternatives ("Monday or Tuesday"), give the
    /// time; phrases that disagree, a future or impossible one, a negated one ("not yesterday") or
    /// words that put the time ahead ("it's booked for Friday") refuse the answer.
    ///
    ///     TimeParser.parse("yesterday 3pm", in: context)  // .success, instant yesterday 15:00
    public static func parse(_ text: String, in context: TimeContext) -> Result<ParsedTime, TimeRefusal> {
        let trimmed = trim(text)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        let parser = PhraseParser(text: trimmed, context: context, mode: .whole)
        let unrecognised = TimeRefusal.unrecognised(trimmed.lowercased())
        if let match = parser.phrase(at: 0) {
            if case .failure = match.outcome { return match.outcome }
            if match.end == parser.tokens.count || onlyPunctuation(parser.tokens[match.end...]) {
                return match.outcome
            }
        }
        return readInside(parser, unrecognised: unrecognised)
    }

    /// Whether a word means the time is not known ("not sure", "idk", "unknown").
    ///
    ///     TimeParser.meansUnknown("Don't know")  // true
    public static func meansUnknown(_ text: String) -> Bool {
        let lowered = trim(text).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        return TimeVocabulary.unknownAnswers.contains(lowered)
    }

    private static func onlyPunctuation(_ tokens: ArraySlice<TimeToken>) -> Bool {
        tokens.allSatisfy {
            if case .symbol(let symbol) = $0.kind { return "?!,;:)".contains(symbol) }
            return false
        }
    }

    /// The time phrases inside a whole answer, read as one time or refused.
    private static func readInside(_ parser: PhraseParser, unrecognised: TimeRefusal) -> Result<ParsedTime, TimeRefusal>
    {
        let tokens = parser.tokens
        var found: [(start: Int, end: Int, time: ParsedTime)] = []
        var index = 0
        while index < tokens.count {
            guard let match = parser.phrase(at: index), match.start < match.end else {
                index += 1
                continue
            }
            switch match.outcome {
            case .failure(.unrecognised), .failure(.unknownAnchor):
                index += 1
                continue
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let time):
                found.append((match.start, match.end, time))
                index = match.end
            }
        }
        guard !found.isEmpty else { return .failure(unrecognised) }
        let words = tokens.map { $0.word ?? "" }
        // "Right now" beside another time tells that it is still going ("I'm having it right
        // now, started 40 min ago"): the other time is the one given.
        let present = found.filter { words[$0.start..<$0.end] == ["right", "now"] }
        if !present.isEmpty, present.count < found.count {
            found.removeAll { words[$0.start..<$0.end] == ["right", "now"] }
        }
        for (position, word) in words.enumerated() where TimeVocabulary.futureCues.contains(word) {
            let previous = position > 0 ? words[position - 1] : ""
            if word == "due", previous == "was" || previous == "were" { continue }
            return .failure(.future)
        }
        for phrase in found {
            // A phrase negated or bounded by the words around it is not the time given.
            var before = phrase.start - 1
            while before >= 0, let word = tokens[before].word, TimeVocabulary.leads.contains(word), word != "since" {
                before -= 1
            }
            if before >= 0, ["not", "never", "before", "after", "until", "till", "by"].contains(words[before]) {
                return .failure(unrecognised)
            }
            if phrase.end < tokens.count, ["till", "until", "to", "-"].contains(words[phrase.end]) {
                return .failure(unrecognised)
            }
        }
        if found.count == 1 { return .success(found[0].time) }
        // Alternatives ("Monday or Tuesday") give the band holding both.
        let joinedByOr = zip(found, found.dropFirst()).allSatisfy { pair in
            let between = tokens[pair.0.end..<pair.1.start].compactMap(\.word)
            return between == ["or"]
        }
        if joinedByOr {
            let earliest = found.map(\.time.band.earliest).min()!
            let latest = found.map(\.time.band.latest).max()!
            return .success(ParsedTime(band: TimeBand(earliest: earliest, latest: latest)))
        }
        // Phrases that nest ("today ... this morning at 8") give the narrowest.
        let narrowest = found.min {
            $0.time.band.latest.timeIntervalSince($0.time.band.earliest)
                < $1.time.band.latest.timeIntervalSince($1.time.band.earliest)
        }!
        let nested = found.allSatisfy {
            $0.time.band.earliest <= narrowest.time.band.earliest && narrowest.time.band.latest <= $0.time.band.latest
        }
        guard nested else {
            return .failure(.ambiguous(found.map { parser.source($0.start, $0.end) }.joined(separator: ", "), []))
        }
        return .success(narrowest.time)
    }

    /// Finds time phrases inside a longer sentence and returns each with its range in `text` and its reading.
    ///
    /// Phrases that do not parse (or are refused) are skipped. Lead words like "since" are not part of
    /// the range; approximators like "about" are. Runs in time linear in the length of `text`.
    ///
    ///     TimeParser.find(in: "a glow since yesterday", context: context)  // one hit: "yesterday"
    public static func find(
        in text: String, context: TimeContext
    ) -> [(range: Range<String.Index>, time: ParsedTime)] {
        scan(text, context: context).compactMap { hit in
            guard case .success(let time) = hit.outcome else { return nil }
            return (hit.range, time)
        }
    }

    /// Every time phrase inside a longer text with its reading, refused ones included, so that a
    /// symptom whose time cannot be read whole gets no time rather than part of one.
    ///
    /// A refused phrase ("next Tuesday", "31st November", "27:00 yesterday") covers the run of
    /// time words it starts, so no shorter phrase inside it is read. A phrase after "not" is
    /// refused. Phrases side by side ("a week ago on Monday") that do not nest are refused
    /// together; nested ones give the narrowest.
    ///
    ///     TimeParser.scan("a glow since next tuesday", context: context)  // one refused hit
    public static func scan(
        _ text: String, context: TimeContext
    ) -> [(range: Range<String.Index>, outcome: Result<ParsedTime, TimeRefusal>)] {
        let parser = PhraseParser(text: text, context: context, mode: .sentence)
        let tokens = parser.tokens
        var found: [(start: Int, end: Int, outcome: Result<ParsedTime, TimeRefusal>)] = []
        var index = 0
        var ahead = false
        while index < tokens.count {
            ahead = ahead || startsFuture(tokens, at: index)
            if case .symbol(let symbol) = tokens[index].kind, ".!?;".contains(symbol) { ahead = false }
            guard let match = parser.phrase(at: index), match.start < match.end else {
                index += 1
                continue
            }
            var outcome = match.outcome
            if ahead, case .success = outcome { outcome = .failure(.future) }
            var end = match.end
            if case .failure = outcome {
                while end < tokens.count, isTimeToken(tokens[end]) { end += 1 }
            } else if match.start > 0, tokens[match.start - 1].word == "not" {
                outcome = .failure(.unrecognised(parser.source(match.start, end)))
            }
            // Phrases side by side are one time or none.
            if let last = found.last, tokens[last.end..<match.start].allSatisfy(isJoiner) {
                found.removeLast()
                outcome = merged(last.outcome, outcome, words: parser.source(last.start, end))
                found.append((last.start, end, outcome))
            } else {
                found.append((match.start, end, outcome))
            }
            index = end
        }
        return found.map { (tokens[$0.start].range.lowerBound..<tokens[$0.end - 1].range.upperBound, $0.outcome) }
    }

    /// Whether a word at `index` puts what follows ahead ("booked", "will"; not "was due").
    private static func startsFuture(_ tokens: [TimeToken], at index: Int) -> Bool {
        guard let word = tokens[index].word, TimeVocabulary.futureCues.contains(word) else { return false }
        let previous = index > 0 ? tokens[index - 1].word : nil
        return !(word == "due" && (previous == "was" || previous == "were"))
    }

    private static func isTimeToken(_ token: TimeToken) -> Bool {
        switch token.kind {
        case .number, .iso: return true
        case .symbol(let symbol): return symbol == ":" || symbol == "/" || symbol == "."
        case .word(let word): return TimeVocabulary.isTimeWord(word) || TimeVocabulary.ordinalSuffixes.contains(word)
        }
    }

    private static func isJoiner(_ token: TimeToken) -> Bool {
        if case .symbol(",") = token.kind { return true }
        return token.word.map { $0 == "on" || $0 == "at" || $0 == "and" || $0 == "in" || $0 == "the" } ?? false
    }

    private static func merged(
        _ first: Result<ParsedTime, TimeRefusal>, _ second: Result<ParsedTime, TimeRefusal>, words: String
    ) -> Result<ParsedTime, TimeRefusal> {
        guard case .success(let one) = first, case .success(let two) = second else {
            if case .failure = first { return first }
            return second
        }
        if one.band.earliest <= two.band.earliest, two.band.latest <= one.band.latest { return second }
        if two.band.earliest <= one.band.earliest, one.band.latest <= two.band.latest { return first }
        return .failure(.ambiguous(words, []))
    }

    /// Parses a duration answer into a range of seconds.
    ///
    /// "2 days", "for 3 hours", "half an hour", "90 min" give a single value; "about a week" and
    /// "a few days" give a band (min...max). Days count 24 hours and months 30 days.
    ///
    ///     TimeParser.parseDuration("for 3 hours")  // .success(10800...10800)
    public static func parseDuration(_ text: String) -> Result<ClosedRange<TimeInterval>, TimeRefusal> {
        DurationParser.parse(text)
    }

    /// `text` without surrounding whitespace and final periods.
    public static func trim(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines, ascii: isSpace)
        while trimmed.hasSuffix(".") {
            trimmed.removeLast()
            trimmed = trimmed.trimmingCharacters(in: .whitespacesAndNewlines, ascii: isSpace)
        }
        return trimmed
    }
}
