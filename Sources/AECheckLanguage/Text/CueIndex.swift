import Foundation

/// What a cue does to the findings around it.
///
/// Declared in priority order: when the same words are listed under two kinds, the first wins.
/// Example: "not sure if" listed as uncertainty beats "not" listed as negation by length.
public enum CueKind: Int, Sendable {
    case pseudo
    case hypotheticalBefore
    case uncertainty
    case negationBefore
    case negationAfter
    case resolvedAfter
    case clearedAfter
    case historyBefore
    case historyAfter
    case otherPerson
    case relation
    case scopeEnd
    case firstPerson
    case gradual
    case longstanding
    case worsening
    case steady
    case relief
    case thirdPerson

    /// Cues that tell how signs came on or are going (never whether they are there).
    var isCourse: Bool { self == .gradual || self == .longstanding || self == .worsening || self == .steady }

    /// After-cues that count only at the end of a clause or before a trailing word.
    var isClauseFinal: Bool { self == .negationAfter || self == .resolvedAfter || self == .clearedAfter }
}

/// A cue found in the text, covering tokens `start..<end`.
///
/// Example: "not sure if it's sparkles" gives an uncertainty hit over tokens 0..<3.
public struct CueHit: Sendable {
    public var kind: CueKind
    public var start: Int
    public var end: Int
    /// The caller's cue, as given.
    public var cue: String
}

/// The caller's cues, normalised and indexed by first word.
///
/// Example: `CueIndex(cues).hits(in: tokens, usable: { _ in true })`.
public struct CueIndex: Sendable {
    private struct Entry: Sendable {
        var words: [String]
        var kind: CueKind
        var cue: String
    }

    private var byFirstWord: [String: [Entry]] = [:]
    /// Every normalised word of every negation, uncertainty, other-person and scope cue (not of
    /// the pseudo-triggers, whose words are those of signs: "gone yellow", "not right").
    ///
    /// These words are never typo-corrected, in the text or in the lexicon.
    private(set) var cueWords: Set<String> = []
    /// The normalised list joiners.
    private(set) var joiners: Set<String> = []

    /// Compiles the caller's cues.
    ///
    /// Empty cues are ignored.
    /// Example: `CueIndex(MatcherCues(negationBefore: ["no"], negationAfter: [], uncertainty: [],
    /// otherPerson: [], scopeEnds: []))`.
    public init(_ cues: MatcherCues) {
        let lists: [(CueKind, [String])] = [
            (.pseudo, cues.pseudo), (.hypotheticalBefore, cues.hypotheticalBefore),
            (.uncertainty, cues.uncertainty), (.negationBefore, cues.negationBefore),
            (.negationAfter, cues.negationAfter), (.resolvedAfter, cues.resolvedAfter),
            (.clearedAfter, cues.clearedAfter),
            (.historyBefore, cues.historyBefore), (.historyAfter, cues.historyAfter),
            (.otherPerson, cues.otherPerson), (.relation, cues.relations),
            (.scopeEnd, cues.scopeEnds), (.firstPerson, cues.firstPerson), (.gradual, cues.gradual),
            (.longstanding, cues.longstanding), (.worsening, cues.worsening), (.steady, cues.steady),
            (.relief, cues.relief),
            (.thirdPerson, cues.thirdPerson),
        ]
        for (kind, list) in lists {
            for cue in list {
                let words = Tokenizer.words(of: cue)
                guard let first = words.first else { continue }
                byFirstWord[first, default: []].append(Entry(words: words, kind: kind, cue: cue))
                vocabulary.formUnion(words)
                // A pseudo-trigger's own words ("gone yellow", "not right") are symptom words
                // too: they stay open to typo correction ("yelow" is "yellow"), while the cue
                // words in them ("not", "gone") are exact through their own lists.
                if ![.firstPerson, .gradual, .longstanding, .worsening, .steady, .relief, .thirdPerson, .pseudo]
                    .contains(kind)
                {
                    cueWords.formUnion(words)
                }
            }
        }
        worseningWords = Set(cues.worsening.flatMap { Tokenizer.words(of: $0) }).sorted().map {
            ($0, Array($0.unicodeScalars))
        }
        for key in byFirstWord.keys {
            // Longest first; equal lengths keep kind priority, then the caller's order.
            byFirstWord[key]?.sort { lhs, rhs in
                lhs.words.count != rhs.words.count
                    ? lhs.words.count > rhs.words.count : lhs.kind.rawValue < rhs.kind.rawValue
            }
        }
        joiners = Set(cues.listJoiners.flatMap { Tokenizer.words(of: $0) })
        trailing = Set(cues.afterCueTrailing.flatMap { Tokenizer.words(of: $0) })
        witness = cues.witness.map { Tokenizer.words(of: $0) }.filter { !$0.isEmpty }
    }

    /// The normalised witness phrases ("says", "has noticed").
    private(set) var witness: [[String]] = []

    /// Whether a witness phrase starts at `index` ("my wife *says* ...").
    func isWitness(at index: Int, in tokens: [Token]) -> Bool {
        witness.contains { words in
            index + words.count <= tokens.count
                && words.indices.allSatisfy { tokens[index + $0].norm == words[$0] }
        }
    }

    /// Every normalised word of every cue, of every kind.
    private(set) var vocabulary: Set<String> = []
    /// The words of the worsening cues, sorted (so a guess never depends on a set's order).
    private var worseningWords: [(word: String, scalars: [Unicode.Scalar])] = []

    /// The cue word a token was meant to be, when it is no English word: "gettin" is
    /// "getting" (a dropped g, for any cue word), "werse" is "worse" (the one word of a
    /// worsening cue one edit away, with the same first letter and at least four letters).
    /// Only a worsening cue is guessed from a slip, as it can only make a sign more urgent: a
    /// slip is never read as a negation or a "maybe" ("deneis fizz" stays fizz).
    /// Any other token stays as it is.
    func cueSpelling(of word: String) -> String {
        guard word.utf8.count >= 4, !vocabulary.contains(word) else { return word }
        if word.utf8.count >= 5, word.hasSuffix("in"), vocabulary.contains(word + "g") { return word + "g" }
        guard !EnglishWords.contains(word) else { return word }
        let scalars = Array(word.unicodeScalars)
        var found: String?
        for candidate in worseningWords where candidate.scalars.count >= 4 && candidate.scalars.first == scalars.first {
            guard EditDistance.distance(scalars, candidate.scalars, limit: 1) != nil else { continue }
            // Two cue words equally near: no guess.
            if found != nil { return word }
            found = candidate.word
        }
        return found ?? word
    }

    /// The normalised words that may follow a clause-final after-cue.
    private(set) var trailing: Set<String> = []

    /// Finds cues left to right, longest first, never overlapping one another.
    ///
    /// A cue may not span punctuation or use a token for which `usable` is false (a token
    /// already inside a lexicon match).
    /// Example: "not sure if" yields one uncertainty hit, not a negation hit for "not".
    /// Cue words typed with a slip ("gettin werse") are read as the cue word (see
    /// `cueSpelling(of:)`).
    public func hits(in tokens: [Token], usable: (Int) -> Bool) -> [CueHit] {
        var tokens = tokens
        for index in tokens.indices where usable(index) { tokens[index].norm = cueSpelling(of: tokens[index].norm) }
        var result: [CueHit] = []
        var index = 0
        while index < tokens.count {
            guard usable(index), let entries = byFirstWord[tokens[index].norm] else {
                index += 1
                continue
            }
            var matched: Entry?
            for entry in entries
            where fits(
                entry.words, at: index, in: tokens, possessive: entry.kind == .otherPerson || entry.kind == .relation,
                usable: usable)
            {
                matched = entry
                break
            }
            if let entry = matched {
                let end = index + entry.words.count
                // "has gone" ends its clause; "has gone red" is no cue ("gone" is then a change).
                let final =
                    end >= tokens.count || tokens[end].boundaryBefore != .none || trailing.contains(tokens[end].norm)
                    || joiners.contains(tokens[end].norm)
                if !entry.kind.isClauseFinal || final {
                    result.append(CueHit(kind: entry.kind, start: index, end: end, cue: entry.cue))
                }
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    private func fits(
        _ words: [String], at start: Int, in tokens: [Token], possessive: Bool, usable: (Int) -> Bool
    ) -> Bool {
        guard start + words.count <= tokens.count else { return false }
        for offset in 1..<max(words.count, 1) {
            let position = start + offset
            let norm = tokens[position].norm
            // "our dog's": a person's word may end in a possessive s (the apostrophe is gone).
            let last = offset == words.count - 1
            guard usable(position), tokens[position].boundaryBefore == .none,
                norm == words[offset] || (possessive && last && norm == words[offset] + "s")
            else { return false }
        }
        return true
    }
}
