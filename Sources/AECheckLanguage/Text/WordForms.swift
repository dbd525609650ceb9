import Foundation

/// Singular variants of a word, for plural-tolerant comparison.
///
/// Two words match exactly when their variant lists share an entry, so "apples" meets "apple"
/// and "boxes" meets "box" whichever side carries the plural.
/// Example: `WordForms.variants(of: "boxes") == ["boxes", "boxe", "box"]`.
public enum WordForms: Sendable {
    /// The word itself, then the word without `-s`, then without `-es` after s, x, z, ch or sh.
    ///
    /// Words of three letters or fewer, and words ending in "ss", are left alone.
    /// Example: `WordForms.variants(of: "apples") == ["apples", "apple"]`.
    public static func variants(of word: String) -> [String] {
        var result = [word]
        guard word.hasSuffix("s"), !word.hasSuffix("ss") else { return result }
        let length = word.count
        guard length > 3 else { return result }
        result.append(String(word.dropLast()))
        if length > 4, word.hasSuffix("es") {
            let stem = word.dropLast(2)
            if stem.hasSuffix("s") || stem.hasSuffix("x") || stem.hasSuffix("z") || stem.hasSuffix("ch")
                || stem.hasSuffix("sh")
            {
                result.append(String(stem))
            }
        }
        return result
    }

    /// Whether two variant lists share an entry.
    ///
    /// Example: `WordForms.overlap(["apples", "apple"], ["apple"]) == true`.
    public static func overlap(_ lhs: [String], _ rhs: [String]) -> Bool {
        lhs.contains { rhs.contains($0) }
    }
}
