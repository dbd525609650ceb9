import Foundation

/// How one phrase span is read in its context.
///
/// Example: "no fizz" reads `status == .absent, statusCue == "no"`.
public struct ClauseReading: Sendable {
    public var status: MatchStatus = .present
    /// The negation or uncertainty cue that set `status`.
    public var statusCue: String?
    /// Whether `status` came from a cue before the span (so a following list item shares it).
    public var fromCueBefore = false
    /// The other-person cue that owns the span, if any.
    public var otherPersonCue: String?
    /// Whether the mention is of now, of the past, or of a "what if".
    public var temporality: Temporality = .current
    /// Whether a cue says it has settled ("cleared up", "gone now").
    public var resolved = false
    /// Whether a cue says it has gone altogether ("it's over", "cleared up").
    public var cleared = false
    /// The history, hypothetical or resolution cue behind `temporality` or `resolved`.
    public var temporalCue: String?
    /// How the signs of the sentence came on, when a cue says so.
    public var course: Course?
    /// Whether a cue in the sentence says the signs are getting worse.
    public var worsening = false
    /// Whether a negated worsening cue says they are not getting worse ("it isn't spreading").
    public var steady = false
}

/// How signs came on, as their sentence tells it.
public enum Course: String, Hashable, Sendable {
    /// Slowly, over days or weeks.
    case gradual
    /// Long ago, and as they always were.
    case longstanding
}

/// Reads negation, uncertainty and other-person cues around each phrase span (NegEx style).
///
/// Cues before a span reach up to ``maxGap`` words within a clause and stop at punctuation and
/// scope-ending words. A cue's reading also flows along a list ("no fizz, glow or humming").
/// Other-person cues last to the end of the sentence or until a first-person word.
/// Example: `ContextReader(tokens:spans:spanAt:hits:joiners:).readings()`.
public struct ContextReader: Sendable {
    /// The most words allowed between a cue and the phrase it governs.
    public static let maxGap = 5
    /// The most words allowed between a history or hypothetical cue and the phrase it governs
    /// (in one clause).
    public static let temporalWindow = 12

    public let tokens: [Token]
    public let spans: [PhraseSpan]
    public let spanAt: [Int]
    public let hits: [CueHit]
    public let joiners: Set<String>
    public let reporter: Reporter
    /// History cues the caller lists both before and after a finding ("years ago").
    public let historyBothWays: Set<String>
    /// One-word first-person cues ("i", "me", "my").
    public let firstPersonWords: Set<String>
    /// Whether a witness phrase starts at a token index ("my wife *says*").
    public let isWitness: @Sendable (Int) -> Bool
    private let hitAt: [Int]
    /// Course cues that share words with a sign ("the hum is getting louder": "getting
    /// louder" is both), read for the course only.
    public let courseHits: [CueHit]
    /// Words that open a sentence about the signs of the sentence before ("It passed.").
    public let backReference: Set<String>

    /// Indexes the cue hits by token.
    ///
    /// Example: `ContextReader(tokens: t, spans: s, spanAt: a, hits: h, joiners: ["or"])`.
    public init(
        tokens: [Token], spans: [PhraseSpan], spanAt: [Int], hits: [CueHit], joiners: Set<String>,
        reporter: Reporter = .patient, isWitness: @escaping @Sendable (Int) -> Bool = { _ in false },
        historyBothWays: Set<String> = [], firstPersonWords: Set<String> = [], courseHits: [CueHit] = [],
        backReference: Set<String> = []
    ) {
        self.courseHits = courseHits
        self.backReference = backReference
        self.firstPersonWords = firstPersonWords
        self.reporter = reporter
        self.historyBothWays = historyBothWays
        self.isWitness = isWitness
        self.tokens = tokens
        self.spans = spans
        self.spanAt = spanAt
        self.hits = hits
        self.joiners = joiners
        var hitAt = [Int](repeating: -1, count: tokens.count)
        for (index, hit) in hits.enumerated() {
            for position in hit.start..<hit.end { hitAt[position] = index }
        }
        self.hitAt = hitAt
    }

    /// One reading per span, in span order; linear in the number of tokens.
    ///
    /// Uncertainty wins over negation; a cue before the span wins over one after it.
    /// Example: "not sure if it's sparkles" reads sparkles as `.unknown`.
    public func readings() -> [ClauseReading] {
        let owners = otherPersonOwners()
        var result: [ClauseReading] = []
        result.reserveCapacity(spans.count)
        for (index, span) in spans.enumerated() {
            var reading = ClauseReading(otherPersonCue: owners[index])
            let before = cuesBefore(span)
            if let hit = cueInside(span) ?? before.status {
                reading.status = hit.kind == .uncertainty ? .unknown : .absent
                reading.statusCue = hit.cue
                reading.fromCueBefore = true
            }
            if let hit = before.temporal {
                reading.temporality = hit.kind == .hypotheticalBefore ? .hypothetical : .historical
                reading.temporalCue = hit.cue
            }
            if index > 0, isListGap(from: spans[index - 1].end, to: span.start) {
                let previous = result[index - 1]
                if reading.status != .unknown, previous.fromCueBefore, previous.status != .present,
                    reading.status == .present || previous.status == .unknown
                {
                    reading.status = previous.status
                    reading.statusCue = previous.statusCue
                    reading.fromCueBefore = true
                }
                // "as a child I had fits and migraines": the list shares its time.
                if reading.temporality == .current, previous.temporality != .current, before.temporal == nil,
                    previous.temporalCue != nil, before.status == nil
                {
                    reading.temporality = previous.temporality
                    reading.temporalCue = previous.temporalCue
                }
            }
            if let hit = cueAfter(span) {
                switch hit.kind {
                case .negationAfter where reading.status == .present:
                    reading.status = .absent
                    reading.statusCue = hit.cue
                case .resolvedAfter, .clearedAfter:
                    reading.resolved = true
                    reading.cleared = hit.kind == .clearedAfter
                    reading.temporalCue = reading.temporalCue ?? hit.cue
                case .historyAfter,
                    .historyBefore where reading.temporality == .current:
                    reading.temporality = .historical
                    reading.temporalCue = hit.cue
                default: break
                }
            }
            result.append(reading)
        }
        // Course cues reach the signs of their clause ("the bell has hummed for years");
        // an old, unchanged course wins over a gradual one.
        var clause = [Int](repeating: 0, count: tokens.count)
        for index in tokens.indices.dropFirst() {
            clause[index] = clause[index - 1] + (tokens[index].boundaryBefore >= .comma ? 1 : 0)
        }
        // `settled`: 1 when a clause of its own says the signs have settled, 2 when gone.
        typealias Told = (course: Course?, worsening: Bool, steady: Bool, settled: Int)
        func merge(_ into: Told?, _ entry: Told) -> Told {
            let old = into ?? (nil, false, false, 0)
            return (
                entry.course == .longstanding ? .longstanding : old.course ?? entry.course,
                old.worsening || entry.worsening, old.steady || entry.steady, max(old.settled, entry.settled)
            )
        }
        var courses: [Int: Told] = [:]
        let seen = Set(hits.map { "\($0.start):\($0.kind.rawValue)" })
        let courseOnly = courseHits.filter { !seen.contains("\($0.start):\($0.kind.rawValue)") }
        let allHits = hits + courseOnly
        // Where each negation cue ends, with its clause (for "isn't spreading" below).
        var negationEnds: [Int: Int] = [:]
        for hit in hits where hit.kind == .negationBefore { negationEnds[hit.end] = clause[hit.start] }
        for hit in allHits {
            let key = clause[hit.start]
            switch hit.kind {
            case .gradual: courses[key] = merge(courses[key], (.gradual, false, false, 0))
            case .longstanding: courses[key] = merge(courses[key], (.longstanding, false, false, 0))
            case .worsening:
                // "it isn't spreading", "not getting any worse": a negation just before the cue
                // (a word or two between), in its clause, says the sign is holding steady.
                let negated = (max(0, hit.start - 2)...hit.start).contains { negationEnds[$0] == key }
                courses[key] = merge(courses[key], (nil, !negated, negated, 0))
            case .steady: courses[key] = merge(courses[key], (nil, false, true, 0))
            // "..., it's back to normal now": settling told in a clause of its own.
            case .resolvedAfter: courses[key] = merge(courses[key], (nil, false, false, 1))
            case .clearedAfter: courses[key] = merge(courses[key], (nil, false, false, 2))
            default: continue
            }
        }
        if !courses.isEmpty {
            // A clause that only tells the course ("..., it crept up over two weeks") speaks of
            // the signs of its sentence that have none of their own; a sentence that only tells
            // it ("It has been the same since 2022.") of those of the whole message.
            let present = spans.indices.filter { result[$0].status != .absent }
            let signClauses = Set(present.map { clause[spans[$0].start] })
            let signSentences = Set(present.map { tokens[spans[$0].start].sentence })
            var firstToken: [Int: Int] = [:]
            var sentenceStart: [Int: Int] = [:]
            for index in tokens.indices {
                if firstToken[clause[index]] == nil { firstToken[clause[index]] = index }
                if sentenceStart[tokens[index].sentence] == nil { sentenceStart[tokens[index].sentence] = index }
            }
            var bySentence: [Int: Told] = [:]
            var general: Told = (nil, false, false, 0)
            for (key, entry) in courses.sorted(by: { $0.key < $1.key }) where !signClauses.contains(key) {
                let sentence = tokens[firstToken[key] ?? 0].sentence
                bySentence[sentence] = merge(bySentence[sentence], entry)
                if !signSentences.contains(sentence) { general = merge(general, entry) }
            }
            for index in result.indices {
                let own = courses[clause[spans[index].start]] ?? courses[clause[max(spans[index].end - 1, 0)]]
                let near = bySentence[tokens[spans[index].start].sentence]
                result[index].course = own?.course ?? near?.course ?? general.course
                result[index].worsening =
                    (own?.worsening ?? false) || (near?.worsening ?? false) || general.worsening
                result[index].steady =
                    !result[index].worsening && ((own?.steady ?? false) || (near?.steady ?? false) || general.steady)
                // Settling reaches the signs of its own sentence, or of the sentence before when
                // it is told in a sentence of its own that points back ("It passed on its
                // own."); never a sign that is not there.
                let sentence = tokens[spans[index].start].sentence
                var settled = near?.settled ?? 0
                if settled == 0, !signSentences.contains(sentence + 1), let next = bySentence[sentence + 1],
                    let opening = sentenceStart[sentence + 1],
                    backReference.contains(tokens[opening].norm)
                {
                    settled = next.settled
                }
                if !result[index].resolved, result[index].status == .present, settled > 0 {
                    result[index].resolved = true
                    result[index].cleared = settled == 2
                }
            }
        }
        return result
    }

    /// An uncertainty or negation cue between a combination's two parts ("the lamp is not
    /// glowing", "lamp maybe a bit lit"); uncertainty wins.
    private func cueInside(_ span: PhraseSpan) -> CueHit? {
        guard let interior = span.interior else { return nil }
        var negation: CueHit?
        for position in interior where hitAt[position] >= 0 {
            let hit = hits[hitAt[position]]
            if hit.kind == .uncertainty { return hit }
            if hit.kind == .negationBefore, negation == nil { negation = hit }
        }
        return negation
    }

    /// The cues before a span, in its clause: the status cue (the nearest uncertainty, else
    /// the nearest negation) and the time cue (the nearest history or hypothetical cue; a
    /// hypothetical cue also makes the mention uncertain).
    private func cuesBefore(_ span: PhraseSpan) -> (status: CueHit?, temporal: CueHit?) {
        var position = span.start
        var negation: CueHit?
        var uncertainty: CueHit?
        var temporal: CueHit?
        var sawFirstPerson = false
        while position > 0, span.start - position <= Self.temporalWindow, tokens[position].boundaryBefore == .none {
            let previous = position - 1
            let near = span.start - position <= Self.maxGap
            if hitAt[previous] >= 0 {
                let hit = hits[hitAt[previous]]
                switch hit.kind {
                case .uncertainty where near: if uncertainty == nil { uncertainty = hit }
                case .negationBefore where near: if negation == nil { negation = hit }
                // A time cue reaches the whole clause: "years ago, when I was at school, I had fits".
                case .hypotheticalBefore, .historyBefore: if temporal == nil { temporal = hit }
                case .scopeEnd: return (uncertainty ?? negation, temporal)
                case .firstPerson: sawFirstPerson = true
                default: break
                }
                position = hit.start
            } else if spanAt[previous] >= 0 {
                // A first-person word after an earlier finding starts a new assertion.
                if sawFirstPerson { return (uncertainty ?? negation, temporal) }
                position = spans[spanAt[previous]].start
            } else {
                position = previous
            }
        }
        return (uncertainty ?? negation, temporal)
    }

    /// The first negation, resolution or history cue after the span, in the same clause,
    /// possibly past a joined list ("fizz and a glowing lamp last year").
    private func cueAfter(_ span: PhraseSpan) -> CueHit? {
        var position = span.end
        var onlyJoiners = true
        while position < tokens.count, position - span.end <= Self.maxGap,
            tokens[position].boundaryBefore == .none
        {
            if hitAt[position] >= 0 {
                let hit = hits[hitAt[position]]
                switch hit.kind {
                // A history cue reads both ways when the knowledge lists it both ways ("years ago").
                case .negationAfter, .resolvedAfter, .clearedAfter, .historyAfter: return hit
                case .historyBefore where historyBothWays.contains(hit.cue): return hit
                case .negationBefore, .uncertainty, .scopeEnd, .hypotheticalBefore, .historyBefore: return nil
                case .otherPerson, .relation, .firstPerson, .pseudo, .gradual, .longstanding, .worsening, .steady,
                    .relief, .thirdPerson:
                    onlyJoiners = false
                }
                position = hit.end
            } else if spanAt[position] >= 0 {
                guard onlyJoiners else { return nil }
                position = spans[spanAt[position]].end
            } else {
                if !joiners.contains(tokens[position].norm) { onlyJoiners = false }
                position += 1
            }
        }
        return nil
    }

    /// Whether the words between two spans keep them in one list.
    ///
    /// Either commas and joiners only ("fizz, glow or humming"), or a short run of plain words
    /// with no punctuation and no cue ("fizz or glow").
    private func isListGap(from end: Int, to start: Int) -> Bool {
        guard start - end <= Self.maxGap else { return false }
        var sawComma = false
        var onlyJoiners = true
        for position in end...start where position < tokens.count {
            let boundary = tokens[position].boundaryBefore
            if boundary > .comma { return false }
            if boundary == .comma { sawComma = true }
            guard position < start else { continue }
            if hitAt[position] >= 0 { return false }
            if !joiners.contains(tokens[position].norm) { onlyJoiners = false }
        }
        return onlyJoiners || !sawComma
    }

    /// The other-person cue owning each span, tracked forward through each sentence.
    private func otherPersonOwners() -> [String?] {
        otherPersonScope().spans
    }

    /// Whether each token is said of someone who is not the patient ("my brother had a fit
    /// and takes tablets for it": every word after "my brother").
    public func someoneElsesWords() -> [Bool] {
        otherPersonScope().tokens.map { $0 != nil }
    }

    /// The other-person cue owning each span and each token, tracked forward through each
    /// sentence.
    private func otherPersonScope() -> (spans: [String?], tokens: [String?]) {
        var owners = [String?](repeating: nil, count: spans.count)
        var tokenOwners = [String?](repeating: nil, count: tokens.count)
        var current: String?
        var patientRelation: String?
        // The last person named who is not the patient, for "he" and "she" to point back to.
        var lastOther: String?
        var nextSpan = 0
        var position = 0
        while position < tokens.count {
            if tokens[position].boundaryBefore == .sentence { current = nil }
            if hitAt[position] >= 0, hits[hitAt[position]].start == position,
                !isWitness(hits[hitAt[position]].end)
            {
                let hit = hits[hitAt[position]]
                switch hit.kind {
                case .otherPerson: current = hit.cue
                case .relation where reporter == .carer:
                    // A carer's first relation word names the patient; another names someone else.
                    let words = (hit.start..<hit.end).map { tokens[$0].norm }.joined(separator: " ")
                    if patientRelation == nil { patientRelation = words }
                    current = patientRelation == words ? nil : hit.cue
                case .relation: current = hit.cue
                case .firstPerson: current = nil
                case .thirdPerson where reporter == .patient: if let lastOther { current = lastOther }
                case .thirdPerson: current = nil
                default: break
                }
                if let current { lastOther = current }
            }
            tokenOwners[position] = current
            while nextSpan < spans.count, spans[nextSpan].start == position {
                // A phrase that itself says "I" or "me" ("cope better if I was gone") is the
                // speaker's own, whoever was named before it.
                let span = spans[nextSpan]
                let ownWords = (span.start..<span.end).contains { firstPersonWords.contains(tokens[$0].norm) }
                owners[nextSpan] = ownWords && reporter == .patient ? nil : current
                nextSpan += 1
            }
            position += 1
        }
        return (owners, tokenOwners)
    }
}

/// Who is typing: the patient, or a carer writing about the patient.
public enum Reporter: String, Sendable, Hashable, CaseIterable {
    case patient = "self"
    case carer
}
