import AECheckLanguage
/// Parses the condition language of `when:` lines (see Knowledge/README.md).
///
///     any(sparkles, glow) onset within 1h of infusion-start and not asleep
///
/// Names stay unresolved (`.name`) until the loader binds them to findings and facts.
struct ConditionParser {
    /// A parse failure with the 0-based character offset it points at.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    struct Token: Equatable {
        var text: String
        var offset: Int
    }

    /// The deepest nesting a condition may have.
    static let nestingLimit = 64

    private var tokens: [Token] = []
    private var position = 0
    private var depth = 0
    /// Whether the qualifier just read was written "lasting over" (see `parseUnary`).
    private var lastingRead = false
    private let end: Int

    init(_ text: String) {
        let bytes = Array(text.utf8)
        // Every condition in the knowledge is ASCII, where a byte is a character (but for
        // "\r\n", so carriage returns go by characters too).
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            self.tokens = Self.tokenize(ascii: bytes)
            self.end = bytes.count
        } else {
            (self.tokens, self.end) = Self.tokenize(characters: text)
        }
    }

    /// The tokens of any text, character by character, and the number of characters.
    static func tokenize(characters text: String) -> (tokens: [Token], end: Int) {
        var tokens: [Token] = []
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            let character = text[index]
            if character == " " || character == "\t" {
                index = text.index(after: index)
                offset += 1
            } else if "(),".contains(character) {
                tokens.append(Token(text: String(character), offset: offset))
                index = text.index(after: index)
                offset += 1
            } else if "<>=!".contains(character) {
                var op = String(character)
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == "=" { op.append("=") }
                tokens.append(Token(text: op, offset: offset))
                index = text.index(index, offsetBy: op.count)
                offset += op.count
            } else {
                let start = offset
                var word = ""
                while index < text.endIndex, !" \t(),<>=!".contains(text[index]) {
                    word.append(text[index])
                    index = text.index(after: index)
                    offset += 1
                }
                tokens.append(Token(text: word, offset: start))
            }
        }
        return (tokens, offset)
    }

    /// The tokens of ASCII text, exactly as the character loop of `init` reads them.
    static func tokenize(ascii bytes: [UInt8]) -> [Token] {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func isPunctuation(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",")
        }
        func isOperator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "!")
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) {
                index += 1
            } else if isPunctuation(byte) {
                tokens.append(Token(text: text(index..<index + 1), offset: index))
                index += 1
            } else if isOperator(byte) {
                let length = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "=") ? 2 : 1
                tokens.append(Token(text: text(index..<index + length), offset: index))
                index += length
            } else {
                let start = index
                while index < bytes.count, !isSpace(bytes[index]), !isPunctuation(bytes[index]),
                    !isOperator(bytes[index])
                {
                    index += 1
                }
                tokens.append(Token(text: text(start..<index), offset: start))
            }
        }
        return tokens
    }

    /// Parses the whole text as one condition.
    mutating func parse() -> Result<Condition, Failure> {
        do {
            let condition = try parseOr()
            if let extra = peek() {
                throw Failure(message: "unexpected '\(extra.text)'", offset: extra.offset)
            }
            return .success(condition)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", offset: 0))
        }
    }

    // MARK: - Grammar

    private mutating func parseOr() throws -> Condition {
        var items = [try parseAnd()]
        while accept("or") { items.append(try parseAnd()) }
        return items.count == 1 ? items[0] : .any(items)
    }

    private mutating func parseAnd() throws -> Condition {
        var items = [try parseUnary()]
        while accept("and") { items.append(try parseUnary()) }
        return items.count == 1 ? items[0] : .all(items)
    }

    private mutating func parseUnary() throws -> Condition {
        // Every level of nesting (`not`, parentheses, `any (...)`) passes here: the bound keeps
        // the parser, and everything that walks the condition after it, off the end of the stack.
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.nestingLimit else {
            throw Failure(
                message: "nested deeper than \(Self.nestingLimit) levels (not, parentheses, any, all)",
                offset: peek()?.offset ?? end)
        }
        if accept("not") { return .not(try parseUnary()) }
        let primary = try parsePrimary()
        var qualifiers: [Qualifier] = []
        while let qualifier = try parseQualifier() {
            qualifiers.append(qualifier)
            // "lasting over 1w": began over a week ago and has not gone since (ten minutes of
            // fizz three weeks ago has not lasted three weeks).
            if case .onsetOver = qualifier, lastingRead { qualifiers.append(.trend(.gone, negated: true)) }
            lastingRead = false
        }
        guard !qualifiers.isEmpty else { return primary }
        return try apply(qualifiers, to: primary)
    }

    private mutating func parsePrimary() throws -> Condition {
        guard let token = next() else { throw Failure(message: "the condition ends too early", offset: end) }
        switch token.text {
        case "(":
            let inner = try parseOr()
            try expect(")")
            return inner
        case "any", "all":
            let items = try parseList()
            return token.text == "any" ? .any(items) : .all(items)
        case "at":
            try expect("least")
            let count = try parseCount()
            try expect("of")
            return .atLeast(count, try parseList())
        case "since":
            let anchor = try parseName()
            let comparison = try expectOneOf(["over", "under"])
            let span = try parseSpan()
            return .since(anchor.text, over: comparison == "over", span)
        case "always": return .always
        case "none-reported": return .noneReported
        case ")", ",", "=", "!=", "<", "<=", ">", ">=":
            throw Failure(message: "unexpected '\(token.text)'", offset: token.offset)
        default:
            try checkName(token)
            if let op = peek(), let comparison = Comparison(rawValue: op.text) {
                position += 1
                guard let value = next() else {
                    throw Failure(message: "a value must follow '\(op.text)'", offset: end)
                }
                return .fact(token.text, comparison, value.text)
            }
            if accept("is") {
                let status = try expectOneOf(["present", "absent", "unknown"])
                return .name(token.text, FindingStatus(rawValue: status)!, [])
            }
            return .name(token.text, .present, [])
        }
    }

    private mutating func parseQualifier() throws -> Qualifier? {
        if accept("lasting") {
            try expect("over")
            lastingRead = true
            return .onsetOver(try parseSpan())
        }
        if accept("trend") {
            let negated = accept("not")
            let word = try expectOneOf(Trend.allCases.map(\.rawValue))
            return .trend(Trend(rawValue: word)!, negated: negated)
        }
        guard accept("onset") else { return nil }
        if accept("known") { return .onsetKnown }
        let word = try expectOneOf(["within", "after", "during", "over"])
        switch word {
        case "during":
            try expect("infusion")
            return .onsetDuringInfusion
        case "over":
            let span = try parseSpan()
            try expect("ago")
            return .onsetOver(span)
        default:
            let span = try parseSpan()
            if accept("of") {
                let anchor = try parseName()
                return word == "within" ? .onsetWithin(span, of: anchor.text) : .onsetAfter(span, of: anchor.text)
            }
            guard word == "within" else {
                throw Failure(message: "'onset after' needs 'of ANCHOR'", offset: peek()?.offset ?? end)
            }
            return .onsetRecent(span)
        }
    }

    private func apply(_ qualifiers: [Qualifier], to condition: Condition) throws -> Condition {
        switch condition {
        case .name(let id, let status, let existing): return .name(id, status, existing + qualifiers)
        case .any(let items): return .any(try items.map { try apply(qualifiers, to: $0) })
        case .all(let items): return .all(try items.map { try apply(qualifiers, to: $0) })
        case .atLeast(let count, let items): return .atLeast(count, try items.map { try apply(qualifiers, to: $0) })
        default:
            throw Failure(
                message: "timing and trend apply to findings or groups of findings only",
                offset: tokens[max(0, position - 1)].offset)
        }
    }

    private mutating func parseList() throws -> [Condition] {
        try expect("(")
        var items = [try parseOr()]
        while accept(",") { items.append(try parseOr()) }
        try expect(")")
        return items
    }

    private mutating func parseCount() throws -> Int {
        guard let token = next(), let count = Int(token.text), count > 0 else {
            throw Failure(message: "expected a count after 'at least'", offset: tokens[position - 1].offset)
        }
        return count
    }

    private mutating func parseSpan() throws -> TimeSpan {
        guard let token = next() else { throw Failure(message: "expected a duration such as 2h", offset: end) }
        guard let span = TimeSpan(token.text) else {
            throw Failure(
                message: "'\(token.text)' is not a duration; write e.g. 30m, 2h, 3d, 4w, 6mo, 2y", offset: token.offset)
        }
        return span
    }

    private mutating func parseName() throws -> Token {
        guard let token = next() else { throw Failure(message: "expected a name", offset: end) }
        try checkName(token)
        return token
    }

    private func checkName(_ token: Token) throws {
        let valid = token.text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard valid, !token.text.isEmpty else {
            throw Failure(message: "'\(token.text)' is not a kebab-case name", offset: token.offset)
        }
    }

    // MARK: - Tokens

    private func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

    private mutating func next() -> Token? {
        defer { position += 1 }
        return peek()
    }

    private mutating func accept(_ word: String) -> Bool {
        guard position < tokens.count, tokens[position].text.isSameWord(as: word) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ word: String) throws {
        guard accept(word) else {
            let found = peek().map { "'\($0.text)'" } ?? "the end"
            throw Failure(message: "expected '\(word)', found \(found)", offset: peek()?.offset ?? end)
        }
    }

    private mutating func expectOneOf(_ words: [String]) throws -> String {
        guard let token = peek(), words.contains(where: { $0.isSameWord(as: token.text) }) else {
            let found = peek().map { "'\($0.text)'" } ?? "the end"
            throw Failure(
                message: "expected \(words.map { "'\($0)'" }.joined(separator: " or ")), found \(found)",
                offset: peek()?.offset ?? end)
        }
        position += 1
        return token.text
    }
}
