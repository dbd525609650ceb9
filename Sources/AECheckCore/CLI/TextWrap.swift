/// Wraps text to a terminal's width at spaces, so no word breaks at the edge.
///
/// A list line keeps its hanging indent: the lines after `- item` or `  12. option` start
/// under the item's first word. Escape sequences (bold, colour) take no room. A word longer
/// than the width is left whole on its own line.
enum TextWrap {
    /// `text` wrapped to `width` columns, where the first line already starts at `column`.
    /// Returns the wrapped text and the column after it.
    static func wrap(_ text: String, width: Int, column start: Int = 0) -> (text: String, column: Int) {
        guard width > 10 else { return (text, start) }
        var out = ""
        var column = start
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 {
                out += "\n"
                column = 0
            }
            let indent = column == 0 ? hangingIndent(of: line) : 0
            var first = true
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                let length = visibleLength(word)
                if first {
                    out += word
                    column += length
                    first = false
                    continue
                }
                if column + 1 + length > width && column > indent && length > 0 {
                    out += "\n" + String(repeating: " ", count: indent) + word
                    column = indent + length
                } else {
                    out += " " + word
                    column += 1 + length
                }
            }
        }
        return (out, column)
    }

    /// The indent for a list line's continuation: under the first word after `- ` or `N. `.
    static func hangingIndent(of line: Substring) -> Int {
        let leading = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(leading)
        if rest.hasPrefix("- ") { return leading + 2 }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
        if digits > 0, rest.dropFirst(digits).hasPrefix(". ") { return leading + digits + 2 }
        return 0
    }

    /// Columns a word takes: its characters, without escape sequences.
    static func visibleLength(_ word: Substring) -> Int {
        var count = 0
        var inEscape = false
        for scalar in word.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            // Combining marks and other zero-width scalars take no column.
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .format {
                continue
            }
            count += 1
        }
        return count
    }
}
