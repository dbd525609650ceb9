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

    public let tokens: [Token]
    public let spans: [PhraseSpan]
    public let spanAt: [Int]
    public let hits: [CueHit]
    public let joiners: Set<String>
    private let hitAt: [Int]

    /// Indexes the cue hits by token.
    ///
    /// Example: `ContextReader(tokens: t, spans: s, spanAt: a, hits: h, joiners: ["or"])`.
    public init(tokens: [Token], spans: [PhraseSpan], spanAt: [Int], hits: [CueHit], joiners: Set<String>) {
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
            if let hit = cueInside(span) ?? cueBefore(span) {
                reading.status = hit.kind == .uncertainty ? .unknown : .absent
                reading.statusCue = hit.cue
                reading.fromCueBefore = true
            }
            if index > 0, reading.status != .unknown {
                let previous = result[index - 1]
                if previous.fromCueBefore, previous.status != .present,
                    reading.status == .present || previous.status == .unknown,
                    isListGap(from: spans[index - 1].end, to: span.start)
                {
                    reading.status = previous.status
                    reading.statusCue = previous.statusCue
                    reading.fromCueBefore = true
                }
            }
            if reading.status == .present, let hit = negationAfter(span) {
                reading.status = .absent
                reading.statusCue = hit.cue
            }
            result.append(reading)
        }
        return result
    }

    /// An uncertainty or negation cue between a combination's two parts ("throat is not
    /// swollen", "lips maybe a bit puffy"); uncertainty wins.
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

    /// The nearest uncertainty cue before the span, else the nearest negation cue, in scope.
    private func cueBefore(_ span: PhraseSpan) -> CueHit? {
        var position = span.start
        var negation: CueHit?
        var sawFirstPerson = false
        while position > 0, span.start - position <= Self.maxGap,
            tokens[position].boundaryBefore == .none
        {
            let previous = position - 1
            if hitAt[previous] >= 0 {
                let hit = hits[hitAt[previous]]
                switch hit.kind {
                case .uncertainty: return hit
                case .negationBefore: if negation == nil { negation = hit }
                case .scopeEnd: return negation
                case .firstPerson: sawFirstPerson = true
                case .negationAfter, .otherPerson: break
                }
                position = hit.start
            } else if spanAt[previous] >= 0 {
                // A first-person word after an earlier finding starts a new assertion.
                if sawFirstPerson { return negation }
                position = spans[spanAt[previous]].start
            } else {
                position = previous
            }
        }
        return negation
    }

    /// A negation cue after the span, in the same clause, possibly past a joined list.
    private func negationAfter(_ span: PhraseSpan) -> CueHit? {
        var position = span.end
        var onlyJoiners = true
        while position < tokens.count, position - span.end <= Self.maxGap,
            tokens[position].boundaryBefore == .none
        {
            if hitAt[position] >= 0 {
                let hit = hits[hitAt[position]]
                switch hit.kind {
                case .negationAfter: return hit
                case .negationBefore, .uncertainty, .scopeEnd: return nil
                case .otherPerson, .firstPerson: onlyJoiners = false
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
        var owners = [String?](repeating: nil, count: spans.count)
        var current: String?
        var nextSpan = 0
        var position = 0
        while position < tokens.count {
            if tokens[position].boundaryBefore == .sentence { current = nil }
            if hitAt[position] >= 0, hits[hitAt[position]].start == position {
                let hit = hits[hitAt[position]]
                if hit.kind == .otherPerson { current = hit.cue }
                if hit.kind == .firstPerson { current = nil }
            }
            while nextSpan < spans.count, spans[nextSpan].start == position {
                owners[nextSpan] = current
                nextSpan += 1
            }
            position += 1
        }
        return owners
    }
}
