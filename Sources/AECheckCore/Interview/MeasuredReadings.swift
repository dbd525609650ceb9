import AECheckLanguage
import Foundation

/// Readings a person types next to a measured sign ("my temperature is 37.2", "temp of 39",
/// "my temperature is normal"), compared with the threshold the knowledge sets.
///
/// The knowledge names everything: the finding a reading decides (`measured-finding`), the
/// words that mark a phrase as a measurement (`measure-words`), the threshold in each unit
/// (`measured-threshold`, as `38 c, 100.4 f`), and the words that say a reading is normal
/// (`normal-reading-words`). The code only finds the number and compares it.
struct MeasuredReadings: Sendable {
    let findingID: String
    let measureWords: [String]
    /// The threshold by unit letter ("c", "f"), with the plausible range of that unit.
    let thresholds: [(unit: Character, value: Double, range: ClosedRange<Double>)]
    let normalWords: [String]

    init?(_ knowledge: KnowledgeBase) {
        guard let finding = knowledge.list("measured-finding").first else { return nil }
        findingID = finding
        measureWords = knowledge.list("measure-words")
        normalWords = knowledge.list("normal-reading-words")
        var thresholds: [(Character, Double, ClosedRange<Double>)] = []
        for item in knowledge.list("measured-threshold") {
            let parts = item.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[0]), let unit = parts[1].first else { continue }
            // A typed number is taken in the unit whose plausible body range holds it.
            let range: ClosedRange<Double> = unit == "f" ? 86...113 : 30...45
            thresholds.append((unit, value, range))
        }
        guard !measureWords.isEmpty, !thresholds.isEmpty else { return nil }
        self.thresholds = thresholds
    }

    /// The status the reading gives a present match of the measured finding, or nil when
    /// the text gives no reading (the match then stands as it is).
    func status(of match: TextMatch, in text: String) -> MatchStatus? {
        guard match.findingID == findingID, match.status == .present else { return nil }
        let phrase = match.matchedText.lowercased()
        guard measureWords.contains(where: { Self.containsWord($0, in: phrase) }) else { return nil }
        let clause = Self.clause(of: text, from: match.range.lowerBound)
        if let (number, unit) = Self.firstNumber(in: clause) {
            let fitting = thresholds.first { threshold in
                unit.map { $0 == threshold.unit } ?? threshold.range.contains(number)
            }
            guard let threshold = fitting, threshold.range.contains(number) else { return nil }
            return number >= threshold.value ? .present : .absent
        }
        let after = Self.clause(of: text, from: match.range.upperBound)
        if normalWords.contains(where: { Self.containsWord($0, in: after) }) { return .absent }
        return nil
    }

    /// The text from `start` to the end of its clause (a comma, `;`, `!`, `?`, a line break,
    /// or a full stop that is not a decimal point), lowercased.
    static func clause(of text: String, from start: String.Index) -> String {
        var result = ""
        var index = start
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ",;!?\n".contains(character) { break }
            if character == "." {
                let before = result.last?.isNumber ?? false
                let after = next < text.endIndex && text[next].isNumber
                if !(before && after) { break }
            }
            result.append(character)
            index = next
        }
        return result.lowercased()
    }

    /// The first number with two or three digits (and an optional decimal), and a unit
    /// letter right after it ("38.5", "101f", "39 c", "38.2°c", "39 degrees").
    static func firstNumber(in clause: String) -> (Double, Character?)? {
        let characters = Array(clause)
        var index = 0
        while index < characters.count {
            guard characters[index].isNumber, index == 0 || !characters[index - 1].isLetter else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
            let digits = String(characters[index..<end]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            var rest = end
            while rest < characters.count, characters[rest] == " " || characters[rest] == "°" { rest += 1 }
            let tail = String(characters[rest...].prefix(8))
            var unit: Character?
            if let letter = tail.first, "cf".contains(letter),
                tail.count == 1 || !(tail.dropFirst().first?.isLetter ?? false)
            {
                unit = letter
            }
            let whole = digits.prefix { $0 != "." }
            if (2...3).contains(whole.count), let value = Double(digits) { return (value, unit) }
            index = end
        }
        return nil
    }

    static func containsWord(_ word: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let found = text.range(of: word, range: searchStart..<text.endIndex) {
            let beforeOK = found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter
            let afterOK = found.upperBound == text.endIndex || !text[found.upperBound].isLetter
            if beforeOK && afterOK { return true }
            searchStart = found.upperBound
        }
        return false
    }
}
