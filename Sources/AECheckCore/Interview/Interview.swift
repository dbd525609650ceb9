import AECheckLanguage
import Foundation

/// The question flow: given the knowledge, the answer log and the clock, what comes next.
///
/// `next(log:now:timeZone:)` is a pure function. `back`, changing an earlier answer,
/// `restart` and resuming are all replays of a shorter or edited log.
///
///     let interview = Interview(knowledge: knowledge)
///     switch interview.next(log: [], now: now, timeZone: zone) {
///     case .question(let prompt): print(prompt.text.patient)
///     case .outcome(let outcome): print(outcome.level)
///     }
public struct Interview: Sendable {
    public let knowledge: KnowledgeBase
    public let flow: Flow
    /// What is worked out from the rules (triage, and which rules each question could touch),
    /// made on first use: the first prompt, the red-flag screen, needs none of it. `prepare()`
    /// makes it ahead of time, while the person reads that prompt.
    private let lazyRules: LazyValue<RuleAnalysis>
    var triage: Triage { lazyRules.value.triage }
    /// What each rule mentions, in `knowledge.rules` order.
    var ruleTerms: [RuleTerms] { lazyRules.value.ruleTerms }
    /// The index in `knowledge.rules` of each rule id (the first, should an id repeat).
    var ruleIndex: [String: Int] { lazyRules.value.ruleIndex }
    /// Which rules mention each term, to find the rules a question could touch.
    var ruleTermIndex: RuleTermIndex { lazyRules.value.ruleTermIndex }
    /// The free-text matcher, built on first use (most runs never read free text before
    /// the first prompt, and building it is the costliest part of making an interview).
    private let lazyMatcher: LazyValue<SymptomMatcher>
    /// Whether a numeric date is read day first ("14/11"); month first for a US region.
    public let dayFirst: Bool
    private let readerLists: LazyValue<ReaderLists>
    /// Typed readings of a measure (a temperature), read from the knowledge once.
    private let measuredReadings: LazyValue<MeasuredReadings?>
    private let countedReadings: LazyValue<CountedReadings?>
    var matcher: SymptomMatcher { lazyMatcher.value }
    let anchorPhrases: [String: String]
    /// The setting `infusion-length`: how long an infusion runs, for "during the drip".
    let infusionLength: TimeSpan?
    /// `anchorPhrases` ready to find in a text (made once, not per answer read).
    let anchorMatcher: AnchorMatcher
    /// The most urgent level: reaching it ends the interview at once.
    let topRank: Int
    /// True when the flow ends in a proceed / hold decision (the nurse checklist).
    public let decides: Bool
    /// Follow-up question ids, in file order.
    let followupIDs: [String]
    /// The `boundary` question for each time limit (the first in file order).
    let boundaryQuestions: [BoundaryEdge: String]
    /// Results already worked out (replays, triage, free text); see `InterviewCache`.
    let cache = InterviewCache()
    /// The conditions of the flow's conditional steps, each compiled on its own, made when
    /// first needed.
    private let lazyStepConditions: LazyValue<[Condition: CompiledConditions]>
    var stepConditions: [Condition: CompiledConditions] { lazyStepConditions.value }

    /// Creates the interview for a flow of the knowledge (`check` by default).
    public init(knowledge: KnowledgeBase, flow: String = "check", dayFirst: Bool = true) {
        self.knowledge = knowledge
        self.dayFirst = dayFirst
        self.flow = knowledge.flows[flow] ?? Flow(id: flow, title: "", steps: [.outcome])
        self.lazyRules = LazyValue { RuleAnalysis(knowledge: knowledge) }
        self.lazyMatcher = LazyValue { Shared.matchers.value(for: knowledge) { Self.makeMatcher(knowledge) } }
        self.measuredReadings = LazyValue { MeasuredReadings(knowledge) }
        self.countedReadings = LazyValue { CountedReadings(knowledge) }
        self.readerLists = LazyValue {
            ReaderLists(
                neutral: Set(knowledge.list("neutral-words")), joiners: Set(knowledge.list("clause-joiners")),
                reassurance: Set(knowledge.list("reassurance-words")),
                continuations: Set(knowledge.list("continuation-words")),
                treatment: Set(knowledge.list("treatment-words")))
        }
        var phrases: [String: String] = [:]
        for value in knowledge.list("anchor-phrase") {
            let parts = value.pieces("=", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            if parts.count == 2 { phrases[parts[0]] = parts[1] }
        }
        self.anchorPhrases = phrases
        self.infusionLength = knowledge.list("infusion-length").first.flatMap(TimeSpan.init)
        self.anchorMatcher = AnchorMatcher(phrases)
        self.topRank = knowledge.levelsByRank.last?.rank ?? 0
        self.decides = self.flow.steps.contains(.decision)
        self.followupIDs = knowledge.questionOrder.filter { knowledge.questions[$0]?.followup == true }
        var boundaries: [BoundaryEdge: String] = [:]
        for id in knowledge.questionOrder {
            guard let question = knowledge.questions[id], question.type == .boundary, let edge = question.edge,
                boundaries[edge] == nil
            else { continue }
            boundaries[edge] = id
        }
        self.boundaryQuestions = boundaries
        let steps = self.flow.steps
        self.lazyStepConditions = LazyValue {
            var compiled: [Condition: CompiledConditions] = [:]
            for case .when(_, let condition) in steps where compiled[condition] == nil {
                compiled[condition] = CompiledConditions([condition], knowledge: knowledge)
            }
            // A follow-up's own `when:` condition, the same kind of test.
            for question in knowledge.questions.values {
                guard let condition = question.when, compiled[condition] == nil else { continue }
                compiled[condition] = CompiledConditions([condition], knowledge: knowledge)
            }
            return compiled
        }
    }

    /// Makes, on another thread, what later answers will need (the rule analysis, the memo
    /// tables, the free-text matcher), so the work is done while the person reads the first
    /// prompt. Whatever asks for one of them first waits for it; results are the same either way.
    public func prepare() {
        let rules = lazyRules
        let matcher = lazyMatcher
        let lists = readerLists
        let cache = cache
        DispatchQueue.global(qos: .userInitiated).async {
            _ = rules.value
            cache.prepare()
            _ = matcher.value
            _ = lists.value
        }
    }

    /// Builds the free-text matcher from the knowledge's phrases and cue settings.
    static func makeMatcher(_ knowledge: KnowledgeBase) -> SymptomMatcher {
        let lexicon = knowledge.lexicon()
        let entries = lexicon.phrases.sorted { $0.key < $1.key }.flatMap { id, phrases in
            phrases.map { LexiconEntry(phrase: $0, findingID: id) }
        }
        let combinations = lexicon.combinations.sorted { $0.key < $1.key }.flatMap { id, combinations in
            combinations.map { LexiconEntry(combination: $0, findingID: id) }
        }
        var irregular: [String: String] = [:]
        for pair in knowledge.list("irregular-forms") {
            let sides = pair.pieces("=").map { $0.trimmingWhitespace() }
            if sides.count == 2 { irregular[sides[0]] = sides[1] }
        }
        return SymptomMatcher(
            entries: entries + combinations,
            forms: WordForms(irregular: irregular, keep: Set(knowledge.list("own-forms"))),
            cues: cues(knowledge))
    }

    /// The ConText-style cue lists of the knowledge's settings.
    static func cues(_ knowledge: KnowledgeBase) -> MatcherCues {
        var cues = MatcherCues(
            negationBefore: knowledge.list("negation-before"), negationAfter: knowledge.list("negation-after"),
            uncertainty: knowledge.list("uncertainty"), otherPerson: knowledge.list("other-person"),
            scopeEnds: knowledge.list("scope-ends"), gapWords: knowledge.list("phrase-gap-words"))
        for (setting, list) in Self.cueSettings { cues[keyPath: list] = knowledge.list(setting) }
        return cues
    }

    /// The settings that fill the cue lists beyond those of `MatcherCues.init`.
    private static let cueSettings: [(String, WritableKeyPath<MatcherCues, [String]> & Sendable)] = [
        ("history-before", \.historyBefore), ("history-after", \.historyAfter),
        ("hypothetical-before", \.hypotheticalBefore), ("resolved-after", \.resolvedAfter),
        ("cleared-after", \.clearedAfter),
        ("after-cue-trailing", \.afterCueTrailing), ("pseudo-triggers", \.pseudo), ("relations", \.relations),
        ("witness-words", \.witness), ("third-person", \.thirdPerson), ("gradual-course", \.gradual),
        ("longstanding-course", \.longstanding), ("worsening-course", \.worsening),
        ("steady-course", \.steady), ("relief-words", \.relief),
        ("back-reference-words", \.backReference),
    ]

    /// Whether a match is a current emergency sign of someone who is not the patient (the
    /// echo and `assess` then say to call the emergency number for them).
    func isSomeoneElsesEmergency(_ match: TextMatch) -> Bool {
        match.aboutSomeoneElse && match.temporality == .current && match.status == .present
            && knowledge.findings[match.findingID]?.groups.contains("emergency") == true
    }

    /// The next question, or the outcome when nothing left could change it.
    public func next(log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> InterviewStep {
        let step = step(log: log, now: now, timeZone: timeZone).step
        guard case .outcome(let outcome) = step else { return step }
        return .outcome(weighingOtherReadings(outcome, log: log, now: now, timeZone: timeZone))
    }

    /// The next step and the evidence behind it, from one replay of the log (or none, when
    /// the last replay was of the same log, clock and zone).
    func step(log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> (step: InterviewStep, evidence: Evidence) {
        if let known = cache.replay(log: log, now: now, timeZone: timeZone) { return known }
        var walk = Walk(interview: self, log: log, now: now, timeZone: timeZone)
        let step = walk.run()
        cache.remember(
            InterviewCache.Replay(log: log, now: now, timeZone: timeZone, step: step, evidence: walk.evidence))
        return (step, walk.evidence)
    }

    /// Why a prompt is asked: the rules whose result its answer could change (for `why`).
    ///
    /// Worked out only when asked, from the evidence the log gives at that prompt; a
    /// follow-up part of a question (a one-by-one item, a confirmation) has none of its own.
    public func reasonsForAsking(_ prompt: Prompt, log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> [String] {
        let boundary = knowledge.questions[prompt.questionID]?.type == .boundary
        guard prompt.key == prompt.questionID || boundary else { return [] }
        let evidence = step(log: log, now: now, timeZone: timeZone).evidence
        var walk = Walk(interview: self, log: log, now: now, timeZone: timeZone)
        walk.evidence = evidence
        if boundary { return walk.rulesStraddling(key: prompt.key) }
        return walk.worthAsking(prompt.questionID, anchored: false)
    }

    /// The evidence the log gives so far (for `summary`, and the result at end of input).
    public func evidence(log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> Evidence {
        step(log: log, now: now, timeZone: timeZone).evidence
    }

    /// The outcome the log supports so far, whether or not the interview has ended.
    public func outcomeSoFar(log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> Outcome {
        weighingOtherReadings(
            plainOutcome(log: log, now: now, timeZone: timeZone), log: log, now: now, timeZone: timeZone)
    }

    private func plainOutcome(log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> Outcome {
        var walk = Walk(interview: self, log: log, now: now, timeZone: timeZone)
        _ = walk.run()
        return walk.outcome()
    }

    /// A bare clock time ("10:30") is read as its latest past occurrence; its other reading (the
    /// day before) is logged after `|`. Where that reading would change which rules fire, the
    /// result says so; where it would be more urgent, it is the one used (an unclear time takes
    /// the more urgent branch).
    func weighingOtherReadings(_ outcome: Outcome, log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> Outcome {
        var result = outcome
        for (index, entry) in log.enumerated() {
            guard let bar = entry.answer.firstIndex(of: "|") else { continue }
            var other = log
            other[index].answer = String(entry.answer[entry.answer.index(after: bar)...])
            let alternative = plainOutcome(log: other, now: now, timeZone: timeZone)
            let fired = Set(result.reasons.map(\.ruleID))
            let otherFired = Set(alternative.reasons.map(\.ruleID))
            guard fired != otherFired else { continue }
            let name = entry.key.replacingOccurrences(of: "-", with: " ")
            let first = TimeBand(isoRange: String(entry.answer[..<bar])).map {
                Renderer.describe($0, timeZone: timeZone)
            }
            let second = TimeBand(isoRange: other[index].answer).map { Renderer.describe($0, timeZone: timeZone) }
            if knowledge.rank(of: alternative.level) > knowledge.rank(of: result.level) {
                result = alternative
                result.assumptions.append(
                    "the \(name) could be \(first ?? "?") or \(second ?? "?"); the more urgent reading, \(second ?? "?"), was used"
                )
            } else {
                let changed = otherFired.symmetricDifference(fired).sorted().joined(separator: ", ")
                result.assumptions.append(
                    "the \(name) was read as \(first ?? "?"); if it was \(second ?? "?"), the rules would differ (\(changed))"
                )
            }
        }
        return result
    }

    /// Reads free text with the knowledge's phrase lists (for `assess` and the text step).
    public func understand(
        _ text: String, now: Date, timeZone: TimeZone, anchors: [String: AnchorValue] = [:],
        reporter: Reporter = .patient, ongoing: Bool = false
    ) -> [(match: TextMatch, onset: TimeBand?)] {
        let context = timeContext(now: now, timeZone: timeZone, anchors: anchors, ongoing: ongoing)
        // Refused phrases ("next Tuesday") are found too: a symptom they belong to gets no time.
        let times = TimeParser.scan(text, context: context)
        let ranges = times.map(\.range)
        // The matcher's reading depends only on the text and where its time phrases are, not
        // on the clock: a later answer (a new clock) reuses it and reads only the times again.
        let bytes = Array(text.utf8)
        let offsets = ranges.flatMap {
            [
                text.utf8.distance(from: text.startIndex, to: $0.lowerBound),
                text.utf8.distance(from: text.startIndex, to: $0.upperBound),
            ]
        }
        let read = cache.matches(of: InterviewCache.MatchKey(text: bytes, timeOffsets: offsets, reporter: reporter)) {
            matcher.match(text, reporter: reporter) { _, sentence in ranges.filter { sentence.contains($0.lowerBound) }
            }
        }
        let readings = measuredReadings.value
        // A time phrase no finding claims, in the sentence of a finding's phrase, competes with
        // it: the finding's time is then unknown and the interview asks.
        let claimed = Set(read.compactMap { $0.timeRange?.lowerBound })
        // A time that dates the treatment ("the drug for seven months and since Thursday
        // sparkles") is no rival for a sign's own time.
        let dated = treatmentDated(ranges.filter { !claimed.contains($0.lowerBound) }, in: text)
        let unclaimed = ranges.filter { !claimed.contains($0.lowerBound) && !dated.contains($0.lowerBound) }
        // A sentence that only tells the time ("Started maybe 3 weeks ago.") speaks of the
        // signs that have none, when it is the message's one such time.
        let alone = unclaimed.filter { range in
            !read.contains { Self.sameSentence($0.range, range, in: text) }
        }
        let shared = alone.count == 1 ? alone.first : nil
        // A count typed with a sign ("fizz ten times today") adds the graver sign.
        var matches = read
        if let counted = countedReadings.value {
            for found in matches where !found.aboutSomeoneElse && found.temporality == .current {
                guard let graver = counted.graver(than: found, in: text),
                    !matches.contains(where: { $0.findingID == graver && !$0.aboutSomeoneElse })
                else { continue }
                var added = found
                added.findingID = graver
                matches.append(added)
            }
        }
        return matches.map { found in
            var match = found
            // A typed reading ("my temperature is 37.2", "... is normal") decides the sign.
            if let status = readings?.status(of: match, in: text) { match.status = status }
            if match.timeRange == nil, let shared { match.timeRange = shared }
            guard let range = match.timeRange,
                !unclaimed.contains(where: { $0 != range && Self.sameSentence($0, range, in: text) })
            else { return (match, nil) }
            return (match, times.first { $0.range == range }.flatMap { try? $0.outcome.get().band })
        }
    }

    /// The parts of free text that no match explains (clauses with content words that are
    /// neither common, neutral in the knowledge, nor a time phrase), as typed.
    public func notUnderstood(
        _ text: String, now: Date, timeZone: TimeZone, reporter: Reporter = .patient
    ) -> [String] {
        // Time phrases are found with refused ones too ("next Tuesday"), so what counts as a
        // time phrase does not depend on the clock, and a live clock reuses the reading.
        let key = InterviewCache.UnplacedKey(text: Array(text.utf8), reporter: reporter)
        return cache.unplaced(of: key) {
            let context = timeContext(now: now, timeZone: timeZone, anchors: [:])
            let times = TimeParser.scan(text, context: context).map(\.range)
            let lists = readerLists.value
            return matcher.unexplained(
                in: text, neutral: lists.neutral, joiners: lists.joiners, reassurance: lists.reassurance,
                continuations: lists.continuations, ignoring: times, reporter: reporter)
        }
    }

    /// The findings nearest in wording to text that was not understood, best first.
    public func closestFindings(to text: String, limit: Int = 4) -> [String] {
        matcher.closestFindings(to: text, neutral: readerLists.value.neutral, limit: limit)
    }

    /// The knowledge's word lists for the "not understood" check, read once.
    struct ReaderLists: Sendable {
        var neutral: Set<String>
        var joiners: Set<String>
        var reassurance: Set<String>
        var continuations: Set<String>
        /// Words for the treatment itself: a time in their clause dates the treatment.
        var treatment: Set<String>
    }

    /// The time ranges of `ranges` whose clause (cut at punctuation and at the clause
    /// joiners) names the treatment ("I've had the drug for seven months"): they date the
    /// treatment, not a sign. One pass over the text.
    private func treatmentDated(_ ranges: [Range<String.Index>], in text: String) -> Set<String.Index> {
        let lists = readerLists.value
        guard !lists.treatment.isEmpty, !ranges.isEmpty else { return [] }
        let tokens = Tokenizer.tokenize(text)
        var clauses: [Int] = []
        var naming: Set<Int> = []
        var clause = 0
        for (index, token) in tokens.enumerated() {
            if index > 0, token.boundaryBefore != .none || lists.joiners.contains(token.norm) { clause += 1 }
            clauses.append(clause)
            if lists.treatment.contains(token.norm) { naming.insert(clause) }
        }
        guard !naming.isEmpty else { return [] }
        var dated: Set<String.Index> = []
        for range in ranges {
            // The first token that ends after the range starts (binary search).
            var low = 0
            var high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if tokens[middle].range.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
            }
            if low < tokens.count, naming.contains(clauses[low]) { dated.insert(range.lowerBound) }
        }
        return dated
    }

    /// Whether no sentence ends between two ranges of `text`.
    private static func sameSentence(_ one: Range<String.Index>, _ other: Range<String.Index>, in text: String) -> Bool
    {
        let (first, second) = one.lowerBound < other.lowerBound ? (one, other) : (other, one)
        guard first.upperBound <= second.lowerBound else { return true }
        let between = text[first.upperBound..<second.lowerBound].unicodeScalars
        var previous: Unicode.Scalar?
        for scalar in between {
            if let last = previous, ".!?".unicodeScalars.contains(last), scalar == " " || scalar == "\n" {
                return false
            }
            if scalar == ";" || scalar == "\n" { return false }
            previous = scalar
        }
        if let last = previous, ".!?".unicodeScalars.contains(last) { return false }
        return true
    }

    /// `understand`, remembered: replays read the same answers again and again.
    func understandOnce(
        _ text: String, now: Date, timeZone: TimeZone, anchors: [String: AnchorValue], reporter: Reporter,
        ongoing: Bool = false
    ) -> [(match: TextMatch, onset: TimeBand?)] {
        let key = InterviewCache.TextKey(
            text: Array(text.utf8), now: now, timeZone: timeZone, anchors: anchors, reporter: reporter,
            ongoing: ongoing)
        return cache.understanding(of: key) {
            understand(text, now: now, timeZone: timeZone, anchors: anchors, reporter: reporter, ongoing: ongoing)
        }
    }

    /// The context times are read in. "During the drip" is the most recent infusion from its
    /// start to its end: the `infusion-end` anchor, else the start and the setting
    /// `infusion-length`, or now while it still runs (`ongoing`).
    func timeContext(now: Date, timeZone: TimeZone, anchors: [String: AnchorValue], ongoing: Bool = false)
        -> TimeContext
    {
        var known: [String: TimeBand] = [:]
        for (id, value) in anchors { if case .known(let band) = value { known[id] = band } }
        var context = TimeContext(
            now: now, timeZone: timeZone, anchors: known, anchorPhrases: anchorPhrases, anchorMatcher: anchorMatcher)
        context.dayFirst = dayFirst
        if let start = known["infusion-start"] {
            let length = infusionLength.map { $0.added(to: start.latest, calendar: .local(in: timeZone)) }
            if let end = ongoing ? now : known["infusion-end"]?.latest ?? length {
                context.spans["infusion-start"] = TimeBand(earliest: start.earliest, latest: max(end, start.latest))
            }
        }
        return context
    }
}

/// What an interview works out from the knowledge's rules.
final class RuleAnalysis: Sendable {
    let triage: Triage
    /// What each rule mentions, in `knowledge.rules` order.
    let ruleTerms: [RuleTerms]
    /// The index in `knowledge.rules` of each rule id (the first, should an id repeat).
    let ruleIndex: [String: Int]
    /// Which rules mention each term, to find the rules a question could touch.
    let ruleTermIndex: RuleTermIndex

    init(knowledge: KnowledgeBase) {
        let triage = Triage(knowledge: knowledge)
        self.triage = triage
        self.ruleTerms = knowledge.rules.map { RuleTerms($0.condition, conditions: triage.conditions) }
        self.ruleIndex = Dictionary(
            knowledge.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.ruleTermIndex = RuleTermIndex(ruleTerms)
    }
}

/// Values worked out from the knowledge alone, kept by knowledge hash: every interview of the
/// same knowledge (a replayed suite makes one per transcript) shares one.
final class SharedByKnowledge<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var byHash: [String: Value] = [:]

    /// The value for `knowledge` (and `part` of it, such as a flow), made by `make` the first time.
    func value(for knowledge: KnowledgeBase, part: String = "", make: () -> Value) -> Value {
        guard !knowledge.hash.isEmpty else { return make() }
        let key = part.isEmpty ? knowledge.hash : knowledge.hash + " " + part
        lock.lock()
        defer { lock.unlock() }
        if let known = byHash[key] { return known }
        let made = make()
        if byHash.count >= 8 { byHash.removeAll() }
        byHash[key] = made
        return made
    }
}

/// The values shared between interviews of the same knowledge.
enum Shared {
    /// Free-text matchers (the costliest part of making an interview).
    static let matchers = SharedByKnowledge<SymptomMatcher>()
    /// The rules' compiled conditions.
    static let conditions = SharedByKnowledge<CompiledConditions>()
    /// Whole interviews, by flow: every session of the same knowledge and flow in one process
    /// (a replayed suite runs hundreds) shares one, with all it remembers. An interview is a
    /// pure function of its knowledge, flow, log and clock, and remembers by all of them, so
    /// sharing changes no result, only the work done.
    static let interviews = SharedByKnowledge<Interview>()
    /// The everyday answer words (`answer-words`), by typed form: each word's answer ids.
    static let answerWords = SharedByKnowledge<[String: [String]]>()

    /// The interview for `flow` of `knowledge`.
    static func interview(for knowledge: KnowledgeBase, flow: String, dayFirst: Bool = true) -> Interview {
        interviews.value(for: knowledge, part: flow + (dayFirst ? "" : "/month-first")) {
            Interview(knowledge: knowledge, flow: flow, dayFirst: dayFirst)
        }
    }
}
