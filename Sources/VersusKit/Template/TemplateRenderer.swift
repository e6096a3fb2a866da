/// Renders parsed templates against `TemplateValue` data. Rendering cannot fail: every name a
/// template uses was checked against its page's schema before the build started.
public struct TemplateRenderer: Sendable {
    let partials: [String: Template]

    public func render(_ template: Template, _ data: TemplateObject) -> String {
        var output = ""
        output.reserveCapacity(16 * 1024)
        var stack: [TemplateValue] = [.object(data)]
        render(template.nodes, stack: &stack, into: &output)
        return output
    }

    private func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let path, let escaped, _):
                guard let value = lookup(path, in: stack) else { continue }
                switch value {
                case .text(let text): if escaped { HTMLEscape.append(text, to: &output) } else { output += text }
                case .html(let html): output += html
                case .bool, .list, .object: break
                }
            case .section(let path, let inverted, let children, _):
                let value = lookup(path, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, stack: &stack, into: &output) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(children, stack: &stack, into: &output)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    render(children, stack: &stack, into: &output)
                    stack.removeLast()
                }
            case .partial(let name, _):
                if let partial = partials[name] { render(partial.nodes, stack: &stack, into: &output) }
            }
        }
    }

    private func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        if path == ["."] { return stack.last }
        var value: TemplateValue?
        for frame in stack.reversed() {
            if case .object(let object) = frame, let found = object.fields[path[0]] {
                value = found
                break
            }
        }
        for key in path.dropFirst() {
            guard case .object(let object)? = value else { return nil }
            value = object.fields[key]
        }
        return value
    }
}

enum HTMLEscape {
    /// Escapes the five characters that matter in HTML text and attribute values.
    static func append(_ text: String, to output: inout String) {
        var utf8 = text.utf8.makeIterator()
        var needsEscape = false
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { needsEscape = true; break }
        }
        guard needsEscape else { output += text; return }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    static func escape(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }
}
