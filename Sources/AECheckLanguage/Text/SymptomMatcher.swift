import Foundation

/// Finds lexicon phrases in free text and reads each one as present, absent or unknown.
///
/// The matcher tolerates case, punctuation, plurals and small typos, reads negation,
/// uncertainty and other-person cues NegEx-style, and keeps one match per finding.
/// It holds no vocabulary of its own: phrases and cues come from the caller.
///
/// ```swift
/// let matcher = SymptomMatcher(
///     entries: [LexiconEntry(phrase: "fizz", findingID: "fizz")],
///     cues: MatcherCues(negationBefore: ["no"], negationAfter: [], uncertainty: [],
///                       otherPerson: [], scopeEnds: ["but"]))
/// matcher.match("No fizz.").first?.status  // .absent
/// ```
public struct SymptomMatcher: Sendable {
    public let lexicon: Lexicon
    public let cueIndex: CueIndex
    /// Normalised filler words that may sit inside a phrase (never one-word cues).
    public let gapWords: Set<String>
    /// History cues listed both before and after a finding ("years ago").
    public let historyBothWays: Set<String>
    /// One-word first-person cues ("i", "me").
    let firstPersonWords: Set<String>
    /// The normalised back-reference words ("it", "they").
    let backReference: Set<String>

    /// The most other words allowed between the two parts of a combination.
    public static let combinationGap = 4

    /// Precomputes the lexicon and cues; reuse one matcher for many texts.
    ///
    /// Building costs time proportional to the total size of `entries` and `cues`. `forms`
    /// carries the caller's irregular word forms.
    /// Example: `SymptomMatcher(entries: entries, cues: cues)`.
    public init(entries: [LexiconEntry], forms: WordForms = WordForms(), cues: MatcherCues) {
        let cueIndex = CueIndex(cues)
        self.cueIndex = cueIndex
        self.lexicon = Lexicon(entries: entries, fuzzyBlocked: cueIndex.cueWords, forms: forms)
        // A one-word cue ("not", "no", "maybe") is never skipped as filler.
        let oneWordCues = [cues.negationBefore, cues.negationAfter, cues.uncertainty, cues.otherPerson, cues.scopeEnds]
            .joined().map { Tokenizer.words(of: $0) }.filter { $0.count == 1 }.map { $0[0] }
        self.gapWords = Set(cues.gapWords.flatMap { Tokenizer.words(of: $0) }).subtracting(oneWordCues)
        self.historyBothWays = Set(cues.historyBefore).intersection(cues.historyAfter)
        self.firstPersonWords = Set(
            cues.firstPerson.map { Tokenizer.words(of: $0) }.filter { $0.count == 1 }.map { $0[0] })
        self.backReference = Set(cues.backReference.flatMap { Tokenizer.words(of: $0) })
    }

    /// The context reader of a text, with this matcher's cue settings.
    func contextReader(
        tokens: [Token], spans: [PhraseSpan], spanAt: [Int], hits: [CueHit], reporter: Reporter,
        courseHits: [CueHit] = []
    ) -> ContextReader {
        ContextReader(
            tokens: tokens, spans: spans, spanAt: spanAt, hits: hits, joiners: cueIndex.joiners, reporter: reporter,
            isWitness: { [cueIndex] in cueIndex.isWitness(at: $0, in: tokens) }, historyBothWays: historyBothWays,
            firstPersonWords: firstPersonWords, courseHits: courseHits, backReference: backReference)
    }

    /// Reads free text and returns matches in text order, one per finding.
    ///
    /// When a finding is mentioned more than once, the patient's mentions beat someone
    /// else's, then present beats unknown beats absent; the first span of the winner is kept.
    /// `timeFinder` is called once per sentence that holds a match, with the text and the
    /// sentence's range, and returns ranges of time phrases in the original text; each match
    /// gets the nearest of them. Pass `{ _, _ in [] }` (the default) to skip.
    /// Example: `matcher.match("sparkles yesterday", timeFinder: finder)[0].timeRange`.
    public func match(
        _ text: String, reporter: Reporter = .patient,
        timeFinder: (String, Range<String.Index>) -> [Range<String.Index>] = { _, _ in [] }
    ) -> [TextMatch] {
        let tokens = Tokenizer.tokenize(text)
        guard !tokens.isEmpty, !lexicon.phrases.isEmpty else { return [] }
        var fuzzy = FuzzyLookup(lexicon: lexicon, blocked: cueIndex.cueWords)
        let spans = phraseSpans(in: tokens, fuzzy: &fuzzy)
        guard !spans.isEmpty else { return [] }
        var spanAt = [Int](repeating: -1, count: tokens.count)
        var usable = [Bool](repeating: true, count: tokens.count)
        for (index, span) in spans.enumerated() {
            for position in span.start..<span.end where !(span.interior?.contains(position) ?? false) {
                spanAt[position] = index
                usable[position] = false
            }
            // The words between a combination's parts belong to it, but a cue there governs it
            // ("the lamp is not glowing").
            for position in span.interior ?? 0..<0 { spanAt[position] = index }
        }
        let hits = cueIndex.hits(in: tokens, usable: { usable[$0] })
        // A course cue of two words or more may share words with a sign ("the hum is getting
        // louder"): read over every token. One word is not enough ("the lamp is slow" is the
        // sign, not how it came on).
        let courseHits = cueIndex.hits(in: tokens, usable: { _ in true }).filter {
            $0.kind.isCourse && $0.end - $0.start >= 2
        }
        let readings = contextReader(
            tokens: tokens, spans: spans, spanAt: spanAt, hits: hits, reporter: reporter, courseHits: courseHits
        ).readings()
        let kept = Self.strongestPerFinding(spans: spans, readings: readings, lexicon: lexicon)
        // Whether a sign has settled or gone is told by its latest mention ("I had fizz ...
        // The fizz is over"; "the fizz went, but the fizz is back").
        var latest: [String: Int] = [:]
        for index in spans.indices where readings[index].status == .present && readings[index].temporality == .current {
            latest[lexicon.phrases[spans[index].phraseID].findingID + (readings[index].otherPersonCue ?? "")] = index
        }
        let times = Self.timeRanges(
            for: kept.map { spans[$0] }, tokens: tokens, text: text, finder: timeFinder)
        return kept.enumerated().map { offset, index in
            let span = spans[index]
            let reading = readings[index]
            let phrase = lexicon.phrases[span.phraseID]
            let range = tokens[span.start].range.lowerBound..<tokens[span.end - 1].range.upperBound
            var match = TextMatch(
                findingID: phrase.findingID, status: reading.status,
                aboutSomeoneElse: reading.otherPersonCue != nil, range: range,
                matchedText: String(text[range]), phrase: phrase.phrase,
                cue: reading.statusCue ?? reading.temporalCue ?? reading.otherPersonCue, timeRange: times[offset],
                corrected: span.correctedWords > 0)
            match.temporality = reading.temporality
            let last = latest[phrase.findingID + (reading.otherPersonCue ?? "")].map { readings[$0] } ?? reading
            match.resolved = reading.status == .present ? last.resolved : reading.resolved
            match.cleared = reading.status == .present ? last.cleared : reading.cleared
            match.course = reading.course
            match.worsening = reading.worsening
            match.steady = reading.steady
            return match
        }
    }
}
