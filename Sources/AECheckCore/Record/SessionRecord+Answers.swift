import AECheckLanguage
import Foundation

extension SessionRecord {
    /// Why the answers of this record cannot be resumed, or nil when each is a valid answer to
    /// its question in the form the session writes.
    ///
    /// A saved answer is replayed without being read again, so an edited one would be taken
    /// as it stands: `Breathing-trouble` at the red-flag screen would read as "none of these".
    /// Refused: a key that names no question, a key given twice, an option id the question
    /// does not offer, a number that is not in the question's range or not in normal form, a
    /// time band that is reversed or lies after `now`, and any control or direction character.
    func answerProblem(knowledge: KnowledgeBase, now: Date) -> String? {
        var seen: Set<String> = []
        for entry in log {
            let shownKey = "'\(entry.key.visibleControls)'"
            guard seen.insert(entry.key).inserted else { return "the answer \(shownKey) is given twice" }
            guard !entry.answer.unicodeScalars.contains(where: \.isHiddenControl) else {
                return "the answer to \(shownKey) holds control characters"
            }
            guard let problem = Self.problem(entry, knowledge: knowledge, now: now) else { continue }
            return "the answer to \(shownKey) \(problem)"
        }
        return nil
    }

    private static let yesNoAnswers: Set<String> = ["yes", "no", "unsure"]

    /// What is wrong with one saved answer, or nil.
    private static func problem(_ entry: LoggedAnswer, knowledge: KnowledgeBase, now: Date) -> String? {
        let parts = entry.key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let question = knowledge.questions[parts[0]] else { return "names no question" }
        let answer = entry.answer
        let invalid = "is not a valid answer ('\(answer.visibleControls)')"
        if question.type == .text {
            if let bad = notUnderstoodProblem(parts: Array(parts.dropFirst()), answer: answer, knowledge: knowledge) {
                return bad ? invalid : nil
            }
            return textProblem(parts: Array(parts.dropFirst()), answer: answer) ? invalid : nil
        }
        if parts.count >= 2, "/" + parts[1] == Session.wordsSuffix {
            // Words typed after the answer (`QUESTION/words`), and their confirmation and rounds.
            return textProblem(parts: Array(parts.dropFirst(2)), answer: answer) ? invalid : nil
        }
        if question.type == .boundary {
            // `QUESTION/FINDING`, or `QUESTION/FINDING/SPAN` for a limit with a span.
            guard (2...3).contains(parts.count), knowledge.findings[parts[1]] != nil,
                parts.count == 2 || TimeSpan(parts[2]) != nil
            else { return "names no question" }
            return ["earlier", "later", "unsure"].contains(answer) ? nil : invalid
        }
        if parts.count == 2 {
            // One finding of a list answered "not sure", asked on its own.
            guard question.type == .findings, question.findings.contains(parts[1]) else {
                return "names no question"
            }
            return yesNoAnswers.contains(answer) ? nil : invalid
        }
        guard parts.count == 1 else { return "names no question" }
        switch question.type {
        case .findings:
            if answer == "none" || answer == "unsure" { return nil }
            let chosen = answer.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let valid = Set(question.findings)
            return !chosen.isEmpty && chosen.allSatisfy(valid.contains) && Set(chosen).count == chosen.count
                ? nil : invalid
        case .yesno:
            return yesNoAnswers.contains(answer) ? nil : invalid
        case .choice, .trend:
            if answer == "unsure" { return nil }
            var ids = Set(question.options.map(\.id))
            if let fact = question.fact, case .choice(let values) = knowledge.facts[fact]?.type {
                ids.formUnion(values.map(\.id))
            }
            return ids.contains(answer) ? nil : invalid
        case .number:
            if answer == "unsure" { return nil }
            guard let value = Double(answer), value.isFinite, AnswerReader.show(value) == answer else { return invalid }
            if let fact = question.fact, case .number(let low, let high, _) = knowledge.facts[fact]?.type {
                if let low, value < low { return "is below the lowest value \(AnswerReader.show(low))" }
                if let high, value > high { return "is above the highest value \(AnswerReader.show(high))" }
            }
            return nil
        case .time:
            if answer == "unknown" || question.options.contains(where: { $0.id == answer }) { return nil }
            for reading in answer.split(separator: "|", omittingEmptySubsequences: false) {
                let ends = reading.components(separatedBy: "..")
                let utc = TimeZone(identifier: "UTC")!
                guard ends.count == 2, let earliest = ISODate.parse(ends[0], timeZone: utc),
                    let latest = ISODate.parse(ends[1], timeZone: utc)
                else { return invalid }
                if earliest > latest { return "is a reversed time band ('\(answer.visibleControls)')" }
                if earliest > now { return "is a time in the future ('\(answer.visibleControls)')" }
            }
            return answer.split(separator: "|", omittingEmptySubsequences: false).count <= 2 ? nil : invalid
        case .text, .boundary:
            return nil
        }
    }

    /// For the questions that follow words the reader could not place (`q/closest`, `q/area`,
    /// `q/area/LIST`, after an optional round `q/2/...`): whether the answer is not one the
    /// session writes; nil for any other key.
    private static func notUnderstoodProblem(parts: [String], answer: String, knowledge: KnowledgeBase) -> Bool? {
        var rest = parts[...]
        if let round = rest.first, let number = Int(round), (2...5).contains(number), String(number) == round {
            rest = rest.dropFirst()
        }
        let ids = answer.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        switch Array(rest) {
        case ["closest"]:
            if answer == "none" || answer == "unsure" { return false }
            return !(ids.allSatisfy { knowledge.findings[$0] != nil } && Set(ids).count == ids.count)
        case ["area"]:
            guard let areaID = knowledge.notUnderstoodQuestion, let area = knowledge.questions[areaID] else {
                return true
            }
            return !(answer == "unsure" || area.options.contains { $0.id == answer })
        case let keys where keys.count == 2 && keys[0] == "area":
            guard let list = knowledge.questions[keys[1]], list.type == .findings else { return true }
            if answer == "none" || answer == "unsure" { return false }
            return !(ids.allSatisfy(list.findings.contains) && Set(ids).count == ids.count)
        default:
            return nil
        }
    }

    /// True when a free-text key or answer is not one the session writes: the text itself
    /// (`q`, `q/2` ... `q/5`, at most 4000 characters) or its confirmation (`q/confirm`,
    /// `q/2/confirm3`: yes, no, or `add:` and more text).
    private static func textProblem(parts: [String], answer: String) -> Bool {
        var rest = parts[...]
        if let round = rest.first, let number = Int(round), (2...5).contains(number), String(number) == round {
            rest = rest.dropFirst()
        }
        guard let last = rest.first else { return answer.isEmpty || answer.count > 4000 }
        guard rest.count == 1, last.hasPrefix("confirm") else { return true }
        let suffix = last.dropFirst("confirm".count)
        guard suffix.isEmpty || (Int(suffix).map { (2...5).contains($0) && String($0) == suffix } ?? false) else {
            return true
        }
        if answer == "yes" || answer == "no" { return false }
        return !answer.hasPrefix("add:") || answer.count > 4004
    }
}
