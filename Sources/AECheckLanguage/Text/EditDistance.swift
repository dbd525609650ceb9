import Foundation

/// Bounded Damerau-Levenshtein distance (optimal string alignment).
///
/// Counts insertions, deletions, substitutions and swaps of two neighbouring letters, and
/// gives up as soon as the distance must exceed a limit.
/// Example: `EditDistance.distance(Array("sparkels".unicodeScalars), Array("sparkles".unicodeScalars),
/// limit: 1) == 1`.
public enum EditDistance: Sendable {
    /// The distance between `lhs` and `rhs`, or `nil` when it is larger than `limit`.
    ///
    /// Runs in O(|lhs| * |rhs|) time with early exit; O(|rhs|) memory.
    /// Example: `EditDistance.distance(Array("later".unicodeScalars), Array("lather".unicodeScalars),
    /// limit: 1) == 1`.
    public static func distance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(lhs.count - rhs.count) > limit { return nil }
        if lhs.isEmpty || rhs.isEmpty {
            let result = max(lhs.count, rhs.count)
            return result <= limit ? result : nil
        }
        let width = rhs.count + 1
        // Three rows in one temporary buffer (on the stack for words of ordinary length):
        // this runs for every vocabulary word a typo might be.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows -> Int? in
            guard var previous2 = rows.baseAddress else { return nil }  // never: capacity is at least 6
            var previous = previous2 + width
            var current = previous + width
            for j in 0..<width {
                previous2[j] = 0
                previous[j] = j
                current[j] = 0
            }
            for i in 1...lhs.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...rhs.count {
                    let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return nil }
                (previous2, previous, current) = (previous, current, previous2)
            }
            let result = previous[rhs.count]
            return result <= limit ? result : nil
        }
    }

    /// The number of edits allowed for words of this many letters.
    ///
    /// 1-4 letters: none; 5-7: one; 8 or more: two.
    /// Example: `EditDistance.allowedEdits(forLength: 6) == 1`.
    public static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ..<5: return 0
        case 5...7: return 1
        default: return 2
        }
    }
}
