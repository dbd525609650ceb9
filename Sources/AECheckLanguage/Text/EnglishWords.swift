import Foundation

/// The English word list (SCOWL, through Debian's `wamerican` and `wbritish`; licence in
/// `Words/LICENSE-SCOWL.txt`), embedded at build time, for the readers' real-word guard.
///
/// A typed word that is in the list is a real word: it is never "corrected" into another
/// word, so "station" stays "station" and never becomes "nation". The list is sorted
/// when it is made (`Scripts/make-english-words`) and searched in place: nothing is read or
/// built at start-up, and a lookup costs about 17 comparisons of short byte strings.
/// Example: `EnglishWords.contains("station") == true`, `EnglishWords.contains("staton") == false`.
public enum EnglishWords: Sendable {
    /// Whether `word` (lower case, apostrophes removed, as the tokenizer gives it) is listed.
    ///
    /// Words of fewer than three letters are not listed; they are never corrected anyway.
    /// Example: `EnglishWords.contains("gives") == true`.
    public static func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains(bytes: $0) }
    }

    /// Every listed word, in order (for tests and reports; allocates the whole list).
    public static var all: [String] {
        let list = EmbeddedEnglishWords.sorted
        let bytes = UnsafeBufferPointer(start: list.utf8Start, count: list.utf8CodeUnitCount)
        return bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func contains(bytes word: UnsafeBufferPointer<UInt8>) -> Bool {
        let list = EmbeddedEnglishWords.sorted
        let base = list.utf8Start
        let count = list.utf8CodeUnitCount
        guard !word.isEmpty, count > 0 else { return false }
        // Binary search on byte offsets: from a middle offset, back up to the start of its
        // line, compare that line with the word, and keep the half that can hold it.
        var low = 0
        var high = count
        while low < high {
            var start = (low + high) / 2
            while start > low, base[start - 1] != 0x0A { start -= 1 }
            var end = start
            while end < count, base[end] != 0x0A { end += 1 }
            switch compare(UnsafeBufferPointer(start: base + start, count: end - start), word) {
            case 0: return true
            case ..<0: low = end + 1
            default: high = start
            }
        }
        return false
    }

    /// Bytewise order: negative when `lhs` sorts before `rhs`, zero when equal.
    private static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        for index in 0..<min(lhs.count, rhs.count) where lhs[index] != rhs[index] {
            return Int(lhs[index]) - Int(rhs[index])
        }
        return lhs.count - rhs.count
    }
}
