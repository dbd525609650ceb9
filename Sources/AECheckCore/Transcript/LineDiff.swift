import AECheckLanguage
/// A line diff between an expected and an actual text, printed as hunks with context.
///
///     @@ check/sparkles.txt:12 @@
///       Triage: URGENT
///     - old line
///     + new line
///
/// Lines are matched by a longest common subsequence after the common start and end are
/// set aside, so small edits in long screens stay cheap.
enum LineDiff {
    /// One line of the edit script.
    enum Edit: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The edit script turning `expected` into `actual`.
    static func edits(_ expected: [String], _ actual: [String]) -> [Edit] {
        var prefix = 0
        while prefix < expected.count, prefix < actual.count, expected[prefix] == actual[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < expected.count - prefix, suffix < actual.count - prefix,
            expected[expected.count - 1 - suffix] == actual[actual.count - 1 - suffix]
        {
            suffix += 1
        }
        let old = Array(expected[prefix..<(expected.count - suffix)])
        let new = Array(actual[prefix..<(actual.count - suffix)])
        // lengths[i][j]: the longest common subsequence of old[i...] and new[j...].
        var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var script = expected[..<prefix].map(Edit.same)
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                script.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                script.append(.removed(old[i]))
                i += 1
            } else {
                script.append(.added(new[j]))
                j += 1
            }
        }
        script += expected[(expected.count - suffix)...].map(Edit.same)
        return script
    }

    /// The differing hunks, each headed by `@@ FILE:LINE @@` (the line in the expected file,
    /// counting from `firstLine`), with `context` unchanged lines around each change.
    static func render(
        expected: String, actual: String, file: String, firstLine: Int, context: Int = 3
    ) -> String {
        let script = edits(lines(expected), lines(actual))
        let changed = script.indices.filter { if case .same = script[$0] { false } else { true } }
        guard !changed.isEmpty else { return "" }
        // Group the changes into hunks whose context windows touch.
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let window = max(0, index - context)...min(script.count - 1, index + context)
            if let last = hunks.last, window.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...window.upperBound
            } else {
                hunks.append(window)
            }
        }
        // The expected-file line of each script position.
        var expectedLine: [Int] = []
        var line = firstLine
        for edit in script {
            expectedLine.append(line)
            if case .added = edit { continue }
            line += 1
        }
        var out: [String] = []
        for hunk in hunks {
            out.append("@@ \(file):\(expectedLine[hunk.lowerBound]) @@")
            for edit in script[hunk] {
                switch edit {
                case .same(let text): out.append("  " + text)
                case .removed(let text): out.append("- " + text)
                case .added(let text): out.append("+ " + text)
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The lines of a text; a missing final newline shows as a marker line.
    static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" {
            parts.removeLast()
        } else {
            parts.append("\\ no newline at the end")
        }
        return parts
    }
}
