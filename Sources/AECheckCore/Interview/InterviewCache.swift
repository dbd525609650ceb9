import AECheckLanguage
import Foundation

/// Remembers results of the interview's pure functions, so replaying a log that grew by one
/// answer repeats little work: the last replay, triage of evidence already seen, and free text
/// already read.
///
/// Every entry is a pure function of its key, so a hit gives exactly what recomputing would.
/// Shared by copies of an `Interview` and safe across threads (one lock). Each table is
/// emptied when it grows past its limit, so memory stays bounded on long runs.
final class InterviewCache: @unchecked Sendable {
    /// What one replay of a log gives.
    struct Replay {
        var log: [LoggedAnswer]
        var now: Date
        var timeZone: TimeZone
        var step: InterviewStep
        var evidence: Evidence
    }

    /// Free text read with the clock and the anchors known at the time. The text is kept as
    /// its UTF-8 bytes: matches hold indices into it, and two canonically equal strings
    /// (which `String` calls equal) may have different bytes.
    struct TextKey: Hashable {
        var text: [UInt8]
        var now: Date
        var timeZone: TimeZone
        var anchors: [String: AnchorValue]
        var reporter: Reporter
        var ongoing: Bool
    }

    /// Free text and the UTF-8 offsets of the time phrases found in it: all the matcher's
    /// reading depends on.
    struct MatchKey: Hashable {
        var text: [UInt8]
        var timeOffsets: [Int]
        var reporter: Reporter
    }

    /// Triage of one evidence: the outcome and each rule's truth, in rule order. In an
    /// `EvidenceMemo` the outcome's `openQuestions` is left empty; see `EvidenceMemo.outcome`.
    typealias Assessment = (outcome: Outcome, truths: [Truth])

    private let lock = NSLock()
    private var replay: Replay?
    /// The memo tables, made on first use: the first prompt needs none of them (see `Tables`).
    private let tables = LazyValue { Tables() }
    private var assessments: MemoTable<Evidence, EvidenceMemo> { tables.value.assessments }
    private var texts: MemoTable<TextKey, [(match: TextMatch, onset: TimeBand?)]> { tables.value.texts }
    private var bands: MemoTable<String, TimeBand?> { tables.value.bands }
    private var touchable: MemoTable<String, [Int]> { tables.value.touchable }
    private var matches: MemoTable<MatchKey, [TextMatch]> { tables.value.matches }
    private var unplaced: MemoTable<UnplacedKey, [String]> { tables.value.unplaced }

    /// The tables. Making them is costly for what they are (the runtime builds each table
    /// type's description on first use), so they are made when first needed, or ahead of time
    /// by `prepare()`.
    private final class Tables: Sendable {
        let assessments = MemoTable<Evidence, EvidenceMemo>(limit: 4096)
        let texts = MemoTable<TextKey, [(match: TextMatch, onset: TimeBand?)]>(limit: 256)
        let bands = MemoTable<String, TimeBand?>(limit: 256)
        let touchable = MemoTable<String, [Int]>()
        let matches = MemoTable<MatchKey, [TextMatch]>(limit: 256)
        let unplaced = MemoTable<UnplacedKey, [String]>(limit: 256)
    }

    /// Free text read for what no sign explains.
    struct UnplacedKey: Hashable {
        var text: [UInt8]
        var reporter: Reporter
    }

    /// The parts of a text no sign explains, computed by `compute` the first time.
    func unplaced(of key: UnplacedKey, compute: () -> [String]) -> [String] {
        unplaced.value(for: key, compute: compute)
    }

    /// Makes the tables now, if not made yet.
    func prepare() { _ = tables.value }

    /// The step and evidence of the last replay, when it was of this very log, clock and zone.
    func replay(log: [LoggedAnswer], now: Date, timeZone: TimeZone) -> (step: InterviewStep, evidence: Evidence)? {
        lock.lock()
        defer { lock.unlock() }
        guard let replay, replay.now == now, replay.timeZone == timeZone, Self.same(replay.log, log) else {
            return nil
        }
        return (replay.step, replay.evidence)
    }

    /// Logs with byte-for-byte the same keys and answers (not just canonically equal).
    private static func same(_ lhs: [LoggedAnswer], _ rhs: [LoggedAnswer]) -> Bool {
        lhs.count == rhs.count
            && zip(lhs, rhs).allSatisfy {
                $0.key.utf8.elementsEqual($1.key.utf8) && $0.answer.utf8.elementsEqual($1.answer.utf8)
            }
    }

    func remember(_ replay: Replay) {
        lock.lock()
        defer { lock.unlock() }
        self.replay = replay
    }

    /// What is remembered about `evidence`; its values by slot and its triage are given by
    /// `assess` the first time.
    func memo(of evidence: Evidence, assess: () -> (slots: EvidenceSlots, assessment: Assessment)) -> EvidenceMemo {
        assessments.value(for: evidence) {
            let made = assess()
            return EvidenceMemo(evidence: evidence, slots: made.slots, assessment: made.assessment)
        }
    }

    /// What the matcher and time parser read in a text, computed by `compute` the first time.
    func understanding(
        of key: TextKey, compute: () -> [(match: TextMatch, onset: TimeBand?)]
    ) -> [(match: TextMatch, onset: TimeBand?)] {
        texts.value(for: key, compute: compute)
    }

    /// What the matcher read in a text with its time phrases, computed by `compute` the first time.
    func matches(of key: MatchKey, compute: () -> [TextMatch]) -> [TextMatch] {
        matches.value(for: key, compute: compute)
    }

    /// The rules question `id` could touch (see `RuleTermIndex`), computed by `compute` the first time.
    func touchableRules(_ id: String, compute: () -> [Int]) -> [Int] {
        touchable.value(for: id, compute: compute)
    }

    /// A logged time range (`EARLIEST..LATEST`) read once: date formatters are slow.
    func band(isoRange text: String) -> TimeBand? {
        bands.value(for: text) { TimeBand(isoRange: text) }
    }
}

/// Results worked out once per key and shared between threads. The work runs outside the
/// lock (two threads may both work out a missing value; both get a correct one). The table
/// is emptied when it reaches its limit, so memory stays bounded on long runs.
final class MemoTable<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Hashed: Value] = [:]
    private let limit: Int

    /// A key with its hash worked out once: looking it up, storing it and growing the table
    /// hash only that number again (some keys, such as whole evidence, are costly to hash).
    private struct Hashed: Hashable {
        let key: Key
        let hash: Int

        init(_ key: Key) {
            self.key = key
            self.hash = key.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (lhs: Hashed, rhs: Hashed) -> Bool { lhs.hash == rhs.hash && lhs.key == rhs.key }
    }

    init(limit: Int = .max) { self.limit = limit }

    /// The value for `key`, computed by `compute` the first time.
    func value(for key: Key, compute: () -> Value) -> Value {
        let hashed = Hashed(key)
        lock.lock()
        let known = values[hashed]
        lock.unlock()
        if let known { return known }
        let computed = compute()
        lock.lock()
        defer { lock.unlock() }
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[hashed] = computed
        return computed
    }
}

/// What the interview worked out about one evidence: its triage, which questions are worth
/// asking on it and the best follow-up given what was already asked. All pure functions of
/// the evidence (and of the keys), so a hit gives exactly what recomputing would.
final class EvidenceMemo: @unchecked Sendable {
    /// Which question, and whether only rules about reported findings count.
    struct Relevance: Hashable {
        var question: String
        var anchored: Bool
    }

    /// The triage, without its open questions (the level, actions and truths are complete).
    let assessment: InterviewCache.Assessment
    /// The evidence's values by slot in the triage's compiled conditions.
    let slots: EvidenceSlots
    private let lock = NSLock()
    private var complete: Outcome?
    private let worth = MemoTable<Relevance, [String]>()
    private let best = MemoTable<Set<String>, (String, [String])?>()

    /// Whether some finding present has no onset yet, and no trend yet (a sign answered "not
    /// sure" gets neither: see `Walk.apply`).
    let reportedWithoutOnset: Bool
    let reportedWithoutTrend: Bool

    init(evidence: Evidence, slots: EvidenceSlots, assessment: InterviewCache.Assessment) {
        self.assessment = assessment
        self.slots = slots
        let reported = evidence.findings.values.filter { $0.status == .present }
        self.reportedWithoutOnset = reported.contains { $0.onset == nil }
        self.reportedWithoutTrend = reported.contains { $0.trend == nil }
    }

    /// The complete outcome: the triage with its open questions, added by `openQuestions`.
    func outcome(openQuestions: (Outcome) -> [String]) -> Outcome {
        lock.lock()
        let known = complete
        lock.unlock()
        if let known { return known }
        var outcome = assessment.outcome
        outcome.openQuestions = openQuestions(outcome)
        lock.lock()
        defer { lock.unlock() }
        complete = outcome
        return outcome
    }

    /// The rules that make a question worth asking, computed by `compute` the first time.
    func worthAsking(_ key: Relevance, compute: () -> [String]) -> [String] {
        worth.value(for: key, compute: compute)
    }

    /// The best follow-up after the questions `asked`, computed by `compute` the first time.
    func bestFollowup(asked: Set<String>, compute: () -> (String, [String])?) -> (String, [String])? {
        best.value(for: asked, compute: compute)
    }
}

/// A value made on first use, once, whichever thread asks first.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
