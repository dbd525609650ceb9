import AECheckLanguage
import Foundation

/// An answer in the log's normal form, with the words typed after it when they tell more
/// ("none, but my lamp is glowing": `none`, and "but my lamp is glowing" to be read as the
/// person's own words).
struct TypedAnswer: Hashable {
    var answer: String
    var words: String?
}

/// Reads what a person typed at a prompt into the log's normal form, or says why not.
///
/// Nothing is committed here: the session appends to the log only on success.
struct AnswerReader {
    let knowledge: KnowledgeBase
    let interview: Interview
    /// True while reading the start of a longer answer: an option is then chosen only by its
    /// whole label or words, never by the first letters of its label.
    var wholeLabelsOnly = false

    init(knowledge: KnowledgeBase, interview: Interview) {
        self.knowledge = knowledge
        self.interview = interview
    }

    static let yes: Set<String> = ["yes", "y", "yeah", "yep", "yup", "ok", "okay", "correct", "right", "true"]
    static let no: Set<String> = ["no", "n", "nope", "nah", "false", "wrong"]
    static let unsure: Set<String> = [
        "not sure", "unsure", "dont know", "don't know", "i don't know", "i dont know", "idk", "?", "maybe",
        "no idea", "not certain",
    ]
    static let none: Set<String> = ["none", "none of these", "none of them", "nothing", "no", "n", "neither", "nope"]

    /// The extra numbered choices shown after a prompt's own options, without one that an
    /// option already offers (a list has one "not sure"). Numbers still count every extra.
    static func shownExtras(for prompt: Prompt) -> [String?] {
        let labels = Set(prompt.options.map { $0.label.patient.lowercased() })
        return extras(for: prompt.kind).map { labels.contains($0.lowercased()) ? nil : $0 }
    }

    /// The option id or `unsure` that an everyday answer means (setting `answer-words`).
    func everydayAnswer(_ lowered: String, options: [Option]) -> String? {
        everydayAnswer(lowered, ids: Set(options.map(\.id)))
    }

    /// The answer id among `ids` (or `unsure`, always) that an everyday answer means: the
    /// setting `answer-words`, whose `yes`, `no` and `none` words answer yes/no questions and
    /// lists.
    func everydayAnswer(_ lowered: String, ids: Set<String>) -> String? {
        // The table is read once per knowledge: a long line is tried at every start.
        let table = Shared.answerWords.value(for: knowledge, part: "answer-words") {
            var table: [String: [String]] = [:]
            for entry in knowledge.settings["answer-words"] ?? [] {
                let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                for word in parts[1].split(separator: ",") {
                    table[word.trimmingCharacters(in: .whitespaces).typedForm, default: []].append(parts[0])
                }
            }
            return table
        }
        for id in table[lowered.typedForm] ?? [] where id == "unsure" || ids.contains(id) { return id }
        return nil
    }

    /// The extra numbered choices shown after a prompt's own options.
    static func extras(for kind: Prompt.Kind) -> [String] {
        switch kind {
        case .pickFindings: ["None of these", "Not sure"]
        case .yesNo: ["Yes", "No", "Not sure"]
        case .choice, .number: ["Not sure"]
        case .time: ["I don't know"]
        case .confirm: ["Yes", "No, let me type it again"]
        case .text: []
        }
    }

    /// Reads a typed line. A line that is not an answer as a whole may start with one and go on
    /// with words ("none of these, it's the fizz", "5, it's just a hum", "getting worse, slowly",
    /// "no it finished"): the answer at its start counts, and the words after it are kept for
    /// the free-text reader when they name a sign or hold words it cannot place (a prompt that
    /// cannot take them refuses the line then, so nothing typed is lost). A start whose words
    /// are contradicted after it ("better, then worse", "none, not sure", "1 and 3, maybe 4") is
    /// refused.
    func read(_ raw: String, for prompt: Prompt, evidence: Evidence) -> Result<TypedAnswer, AnswerRefusal> {
        // Control, direction and invisible format characters out (a line of printable ASCII
        // has none), then the ends trimmed.
        let printable = raw.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 }
        let visible = { (scalar: Unicode.Scalar) in !scalar.isHiddenControl || scalar == "\t" }
        let cleaned =
            (printable ? raw : String(String.UnicodeScalarView(raw.unicodeScalars.filter(visible))))
            .trimmingCharacters(in: .whitespacesAndNewlines, ascii: { $0 == 0x20 || (0x09...0x0D).contains($0) })
        guard !cleaned.isEmpty else { return .failure("please type an answer, or 'help'") }
        let whole = readWhole(cleaned, lowered: Self.lowered(cleaned), for: prompt, evidence: evidence)
        guard case .failure = whole, [.pickFindings, .yesNo, .choice].contains(prompt.kind) else {
            return whole.map { TypedAnswer(answer: $0) }
        }
        if let leading = readLeading(cleaned, for: prompt, evidence: evidence) { return leading }
        // A list answered with a description instead of numbers ("the lamp is glowing and the
        // bell is humming"): the signs of the list it names are the ones chosen, and the words are
        // read as the person's own, so nothing typed is lost. A description that names no
        // sign of this list is asked again (the list first; the words have their own question).
        if prompt.kind == .pickFindings, prompt.takesWords {
            let named = signsNamed(cleaned, evidence: evidence)
            let chosen = prompt.options.map(\.id).filter(named.contains)
            if !chosen.isEmpty { return .success(TypedAnswer(answer: chosen.joined(separator: ","), words: cleaned)) }
        }
        return whole.map { TypedAnswer(answer: $0) }
    }

    /// Lower case, typographic apostrophes as plain ones, without a final full stop or "!".
    static func lowered(_ cleaned: String) -> String {
        var lowered = cleaned.lowercased()
        if lowered.utf8.contains(0xE2) { lowered = lowered.replacingOccurrences(of: "’", with: "'") }
        return lowered.trimmingCharacters(
            in: CharacterSet(charactersIn: ".!"), ascii: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") })
    }

    /// Reads a line that is one answer as a whole.
    func readWhole(_ cleaned: String, lowered: String, for prompt: Prompt, evidence: Evidence) -> Result<
        String, AnswerRefusal
    > {
        let count = prompt.options.count
        let number = Int(lowered)
        switch prompt.kind {
        case .text:
            return .success(String(cleaned.prefix(4000)))
        case .confirm:
            if Self.yes.contains(lowered) || number == 1 { return .success("yes") }
            if Self.no.contains(lowered) || number == 2 { return .success("no") }
            return .success("add:" + String(cleaned.prefix(4000)))
        case .yesNo:
            if Self.yes.contains(lowered) || number == 1 { return .success("yes") }
            if Self.no.contains(lowered) || number == 2 { return .success("no") }
            if Self.unsure.contains(lowered) || number == 3 { return .success("unsure") }
            if let everyday = everydayAnswer(lowered, ids: ["yes", "no"]) { return .success(everyday) }
            return .failure("please answer yes, no or not sure (1, 2 or 3)")
        case .pickFindings:
            return readPicks(lowered, prompt: prompt)
        case .choice:
            if let number, (1...count).contains(number) { return .success(prompt.options[number - 1].id) }
            if number == count + 1 || Self.unsure.contains(lowered) { return .success("unsure") }
            if let option = matchOption(lowered, prompt.options) { return .success(option.id) }
            if let everyday = everydayAnswer(lowered, options: prompt.options) { return .success(everyday) }
            let last = count + Self.shownExtras(for: prompt).compactMap { $0 }.count
            return .failure("please choose a number from 1 to \(last)")
        case .number:
            if number == nil, Self.unsure.contains(lowered) || everydayAnswer(lowered, options: []) == "unsure" {
                return .success("unsure")
            }
            let fact = knowledge.questions[prompt.questionID]?.fact
            var unit: String?
            if let fact, case .number(_, _, let named) = knowledge.facts[fact]?.type { unit = named }
            let value: Double
            switch Self.readNumber(lowered, unit: unit) {
            case .success(let read): value = read
            case .failure(let refusal): return .failure(refusal)
            }
            if let fact, case .number(let low, let high, _) = knowledge.facts[fact]?.type {
                if let low, value < low { return .failure("that number is too small; the lowest is \(Self.show(low))") }
                if let high, value > high {
                    return .failure("that number is too large; the highest is \(Self.show(high))")
                }
            }
            return .success(Self.show(value))
        case .time:
            if let number, (1...max(count, 1)).contains(number), count > 0 {
                return .success(prompt.options[number - 1].id)
            }
            if number == count + 1 || Self.unsure.contains(lowered) || TimeParser.meansUnknown(lowered)
                || everydayAnswer(lowered, options: []) == "unsure"
            {
                return .success("unknown")
            }
            if let option = matchOption(lowered, prompt.options) { return .success(option.id) }
            let context = interview.timeContext(
                now: evidence.now, timeZone: evidence.timeZone, anchors: evidence.anchors,
                ongoing: evidence.infusionOngoing)
            switch TimeParser.parse(cleaned, in: context) {
            case .success(let parsed):
                // A bare clock time keeps its other reading (the day before) for the result to weigh.
                return .success(parsed.band.isoRange + (parsed.alternative.map { "|" + $0.isoRange } ?? ""))
            case .failure(let refusal): return .failure(AnswerRefusal(refusal.message))
            }
        }
    }

    /// Seconds in each unit a number question may be asked in, for answers given in another
    /// unit ("13 weeks" to a question in months). A month counts as 30 days, as in the time
    /// parser, so "2 years" is 24 months.
    static let secondsPerUnit: [String: Double] = [
        "days": 86_400, "weeks": 7 * 86_400, "months": 30 * 86_400, "years": 360 * 86_400,
    ]

    /// A number, maybe with its unit ("6", "6 months") or a duration in another unit ("13 weeks",
    /// "2 years", converted). For "about" durations the upper end is taken: on every duration the
    /// rules use, longer is the more urgent side.
    static func readNumber(_ lowered: String, unit: String?) -> Result<Double, AnswerRefusal> {
        let words = lowered.split(separator: " ").map(String.init)
        guard let first = words.first else { return .failure("please type a number, or 'not sure'") }
        if let value = Double(first), value.isFinite, words.count == 1 { return .success(value) }
        let rest = words.dropFirst().joined(separator: " ")
        if let value = Double(first), value.isFinite, let unit,
            rest == unit || rest + "s" == unit || rest == String(unit.dropLast())
        {
            return .success(value)
        }
        guard let unit, let perUnit = secondsPerUnit[unit] else {
            if let value = Double(first), value.isFinite, unit == nil { return .success(value) }
            return .failure(AnswerRefusal("please type a number\(unit.map { " of " + $0 } ?? ""), or 'not sure'"))
        }
        switch TimeParser.parseDuration(lowered) {
        case .success(let range):
            return .success((range.upperBound / perUnit * 100).rounded() / 100)
        case .failure:
            return .failure(AnswerRefusal("please type a number of \(unit), e.g. 6, or 'not sure'"))
        }
    }

    private func readPicks(_ lowered: String, prompt: Prompt) -> Result<String, AnswerRefusal> {
        let count = prompt.options.count
        if Self.none.contains(lowered) { return .success("none") }
        switch everydayAnswer(lowered, ids: ["none", "no"]) {
        case "none", "no": return .success("none")
        case "unsure": return .success("unsure")
        default: if Self.unsure.contains(lowered) { return .success("unsure") }
        }
        let pieces = lowered.replacingOccurrences(of: " and ", with: ",").split { ", ;".contains($0) }
        var chosen: [String] = []
        if !pieces.isEmpty, pieces.allSatisfy({ Int($0) != nil }) {
            for piece in pieces {
                let number = Int(piece)!
                if number == count + 1, pieces.count == 1 { return .success("none") }
                if number == count + 2, pieces.count == 1 { return .success("unsure") }
                guard (1...count).contains(number) else {
                    return .failure("please choose numbers from 1 to \(count + 2)")
                }
                chosen.append(prompt.options[number - 1].id)
            }
        } else if Self.yes.contains(lowered) {
            return .failure("which ones? type their numbers, e.g. 1 or 1,3")
        } else if let option = matchOption(lowered, prompt.options) {
            chosen = [option.id]
        } else {
            return .failure("please type the numbers of the ones you have, e.g. 1 or 1,3; or 'none'")
        }
        var seen: Set<String> = []
        return .success(chosen.filter { seen.insert($0).inserted }.joined(separator: ","))
    }

    private func matchOption(_ lowered: String, _ options: [Option]) -> Option? {
        guard lowered.count >= 2 else { return nil }
        let typed = lowered.typedForm
        return options.first {
            $0.id == lowered || $0.label.patient.lowercased() == lowered || $0.label.nurse.lowercased() == lowered
                || $0.alsoTyped.contains(typed)
        }
            ?? (wholeLabelsOnly ? nil : options.first { $0.label.patient.lowercased().hasPrefix(lowered) })
    }

    static func show(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Why an answer was not accepted: one line a person can act on.
struct AnswerRefusal: Error, ExpressibleByStringInterpolation {
    var reason: String

    init(_ reason: String) { self.reason = reason }
    init(stringLiteral value: String) { self.reason = value }
    init(stringInterpolation: DefaultStringInterpolation) {
        self.reason = String(stringInterpolation: stringInterpolation)
    }
}
