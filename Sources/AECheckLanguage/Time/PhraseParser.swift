import Foundation

/// The outcome of trying one grammar rule at a token index.
public enum Step<Value> {
    /// The rule does not apply here.
    case none
    /// The rule read `Value`, ending before `next`.
    case matched(Value, next: Int)
    /// The rule applies but the time it names is refused.
    case refused(TimeRefusal)
}

/// A reading of a time phrase before "about" widening, the future check and clipping to now.
public struct Reading: Sendable {
    public var band: TimeBand
    public var alternative: TimeBand?
    public var note: String?
    public var widening: Widening
    public var approximate = false
}

/// A phrase found at some token index: where the reported phrase starts and ends, and its reading.
public struct PhraseMatch: Sendable {
    public var start: Int
    public var end: Int
    public var outcome: Result<ParsedTime, TimeRefusal>
}

/// Reads one time phrase from a token stream, past-biased, against a `TimeContext`.
///
/// `Mode.whole` reads a whole answer and may refuse with specific reasons; `Mode.sentence`
/// looks for phrases inside free text, so it is stricter about ambiguous words.
public struct PhraseParser: Sendable {
    public enum Mode: Sendable {
        case whole, sentence
    }

    public let text: String
    public let tokens: [TimeToken]
    public let context: TimeContext
    public let calendar: Calendar
    public let mode: Mode
    public let anchors: AnchorMatcher

    public init(text: String, context: TimeContext, mode: Mode) {
        self.text = text
        self.tokens = TimeTokenizer.tokenize(text, speller: context.speller)
        self.context = context
        self.calendar = .local(in: context.timeZone)
        self.mode = mode
        self.anchors = context.anchorMatcher
    }

    public var now: Date { context.now }

    /// Whether the token at `index` is the word `word`.
    public func isWord(_ index: Int, _ word: String) -> Bool {
        self.word(index) == word
    }

    /// The index after a comma at `index`, or `index`.
    public func skipComma(_ index: Int) -> Int {
        index < tokens.count && tokens[index].kind == .symbol(",") ? index + 1 : index
    }

    /// Whether tokens `index` and `index + 1` touch (no space between them).
    public func touching(_ index: Int) -> Bool {
        index + 1 < tokens.count && tokens[index].range.upperBound == tokens[index + 1].range.lowerBound
    }

    public func word(_ index: Int) -> String? {
        index >= 0 && index < tokens.count ? tokens[index].word : nil
    }

    /// The original text of tokens `start..<end`, lowercased.
    public func source(_ start: Int, _ end: Int) -> String {
        guard start < end, end <= tokens.count else { return "" }
        return String(text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound]).lowercased()
    }

    /// Reads a phrase starting at `start`: lead words ("since", "at"), approximators, then a core time.
    ///
    /// Lead words are not part of the reported phrase; approximators are.
    public func phrase(at start: Int) -> PhraseMatch? {
        guard start < tokens.count, TimeVocabulary.canStartPhrase(tokens[start]) else { return nil }
        var index = start
        var approximate = false
        var anchorAllowed = false
        var introduced = false
        var lead: String?
        var reported: Int?
        while index < tokens.count {
            if anchorAllowed, anchors.match(in: tokens, at: index) != nil { break }
            if let next = TimeVocabulary.approximatorEnd(in: tokens, at: index) {
                approximate = true
                introduced = true
                reported = reported ?? index
                index = next
                continue
            }
            guard reported == nil, let word = word(index) else { break }
            if word == "it" || word == "they", let verb = self.word(index + 1),
                TimeVocabulary.startVerbs.contains(verb)
            {
                index += 2
            } else if TimeVocabulary.leads.contains(word), !opensRule(at: index) {
                anchorAllowed = anchorAllowed || word == "since" || word == "when" || word == "during"
                // "at 10" names a clock time in an answer; in free text only "since 8" does.
                introduced = introduced || ["since", "from"].contains(word) || (word == "at" && mode == .whole)
                lead = word
                index += 1
            } else {
                break
            }
        }
        let begin = reported ?? index
        switch core(at: index, anchorAllowed: anchorAllowed, introduced: introduced, lead: lead) {
        case .none:
            return nil
        case .refused(let refusal):
            return PhraseMatch(start: begin, end: index + 1, outcome: .failure(refusal))
        case .matched(var reading, let next):
            var end = next
            if let after = TimeVocabulary.approximateSuffixEnd(in: tokens, at: end) {
                reading.approximate = true
                end = after
            }
            reading.approximate = reading.approximate || approximate
            return PhraseMatch(start: begin, end: end, outcome: finish(reading))
        }
    }

    /// Whether a lead word at `index` begins a rule of its own ("over a year ago", "for the last hour").
    private func opensRule(at index: Int) -> Bool {
        guard let word = word(index) else { return false }
        switch word {
        case "over": return !isWord(index + 1, "lunch")
        case "start", "beginning": return isWord(index + 1, "of")
        case "for": return isWord(index + 1, "the")
        default: return false
        }
    }

    private func core(at index: Int, anchorAllowed: Bool, introduced: Bool, lead: String?) -> Step<Reading> {
        guard index < tokens.count else { return .none }
        if case .iso(let stamp) = tokens[index].kind {
            return iso(stamp, at: index)
        }
        if anchorAllowed, let (entry, end) = anchors.match(in: tokens, at: index) {
            if lead == "during" {
                // "During the drip": from its start to its end, when both are known.
                guard let span = context.spans[entry.id] else { return .refused(.unknownAnchor(entry.phrase)) }
                return .matched(Reading(band: span, widening: .seconds(0)), next: end)
            }
            guard let band = context.anchors[entry.id] else { return .refused(.unknownAnchor(entry.phrase)) }
            return .matched(Reading(band: band, widening: .seconds(1800)), next: end)
        }
        let bounded = self.bounded(at: index, lead: lead)
        guard case .none = bounded else { return bounded }
        let period = self.period(at: index, lead: lead)
        guard case .none = period else { return period }
        let day = dayExpression(at: index, introduced: introduced)
        guard case .none = day else { return day }
        let relative = self.relative(at: index, lead: lead)
        guard case .none = relative else { return relative }
        return clockExpression(at: index, introduced: introduced)
    }

    /// Applies "about" widening, refuses bands wholly after now and clips the rest to now.
    private func finish(_ reading: Reading) -> Result<ParsedTime, TimeRefusal> {
        var band = reading.band
        var alternative = reading.alternative
        if reading.approximate {
            band = reading.widening.widen(band, calendar: calendar)
            alternative = alternative.map { reading.widening.widen($0, calendar: calendar) }
        }
        guard band.earliest <= now else { return .failure(.future) }
        band.latest = min(band.latest, now)
        if let other = alternative {
            alternative =
                other.earliest <= now
                ? TimeBand(earliest: other.earliest, latest: min(other.latest, now)) : nil
        }
        return .success(ParsedTime(band: band, alternative: alternative, note: reading.note))
    }
}
