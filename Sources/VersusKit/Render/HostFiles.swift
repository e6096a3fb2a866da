import Foundation

/// What a host needs to serve the site well, made from site.yml and the templates, so that adding a
/// locale or changing the inline script never leaves a hand-kept server block behind:
/// - `_headers` and `_redirects` in the output, the files Netlify and Cloudflare Pages read;
/// - an nginx server block (`versus nginx-conf`; docs/nginx.conf is its output for the shipped site).
///
/// Every response gets the security headers; assets, whose names change with their bytes, are cached
/// for a year as immutable, while pages are revalidated on every visit.
public enum HostFiles {
    /// A strict policy: nothing but the site itself, and the templates' inline scripts by their hash.
    /// (The JSON-LD blocks are data, which the policy does not govern.)
    public static func contentSecurityPolicy(inlineScripts: [String]) -> String {
        let hashes = inlineScripts.map { "'sha256-" + Data(SHA256.digest(Array($0.utf8))).base64EncodedString() + "'" }
        return ["default-src 'self'", "script-src " + (["'self'"] + hashes).joined(separator: " "), "style-src 'self'",
                "img-src 'self' data:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'self'",
                "form-action 'self'", "frame-ancestors 'none'"].joined(separator: "; ")
    }

    public static func securityHeaders(inlineScripts: [String]) -> [(name: String, value: String)] {
        [
            ("Content-Security-Policy", contentSecurityPolicy(inlineScripts: inlineScripts)),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        ]
    }

    static let immutable = "public, max-age=31536000, immutable"
    static let revalidate = "no-cache"

    /// Netlify / Cloudflare Pages `_headers`.
    static func headersFile(urls: SiteURLs, inlineScripts: [String]) -> String {
        var text = "/*\n"
        for (name, value) in securityHeaders(inlineScripts: inlineScripts) { text += "  \(name): \(value)\n" }
        text += "  Cache-Control: \(revalidate)\n"
        text += "/\(urls.assetFolder)*\n  Cache-Control: \(immutable)\n"
        return text
    }

    /// Netlify `_redirects`: each locale's missing pages get that locale's 404 page, with status 404.
    static func redirectsFile(config: SiteConfig, urls: SiteURLs) -> String {
        var text = ""
        for locale in config.locales where locale.code != config.defaultLocale {
            text += "/\(urls.localePrefix(locale.code))*  /\(urls.notFound(locale.code))  404\n"
        }
        return text + "/*  /\(urls.notFound(config.defaultLocale))  404\n"
    }

    /// An nginx server block serving the output folder at `root`.
    public static func nginxServerBlock(config: SiteConfig, urls: SiteURLs, inlineScripts: [String], root: String,
                                        serverName: String) -> String {
        // nginx drops the server's add_header lines in any location that has its own, so each
        // location repeats them.
        func headers(cache: String) -> String {
            (securityHeaders(inlineScripts: inlineScripts).map { "add_header \($0.name) \"\($0.value)\" always;" }
                + ["add_header Cache-Control \"\(cache)\" always;"]).map { "        " + $0 }.joined(separator: "\n")
        }
        var text = """
            # An nginx server block for a site built by `versus build`, written by `versus nginx-conf` from
            # content/site.yml and the templates. Set `root` to the Output/ folder and `server_name` to your
            # host; everything else works as it is. The test suite serves the built site with this block.
            server {
                listen 80;
                server_name \(serverName);
                root \(root);

                charset utf-8;
                charset_types text/css application/javascript application/json text/xml application/xml text/plain;
                index index.html;
                # Redirects (a folder URL without its slash) stay relative, so they work behind any proxy.
                absolute_redirect off;

                # `versus build --compress` writes a .gz beside every text file: sent as it is to browsers
                # that take gzip. With Debian's libnginx-mod-http-brotli-static, add `brotli_static on;`
                # for the .br files too.
                gzip_static on;
                gzip_vary on;

                # Pretty URLs: /smtp/250-ok/ is served from /smtp/250-ok/index.html. Pages are revalidated
                # on every visit (with their ETag), so a deploy shows at once.
                location / {
                    try_files $uri $uri/ =404;
            \(headers(cache: revalidate))
                }

                # The site's own not-found page, with status 404; every locale has one in its language.
                error_page 404 /\(urls.notFound(config.defaultLocale));

            """
        for locale in config.locales where locale.code != config.defaultLocale {
            let prefix = urls.localePrefix(locale.code)
            text += "    location /\(prefix) {\n        try_files $uri $uri/ =404;\n        error_page 404 /\(urls.notFound(locale.code));\n"
            text += headers(cache: revalidate) + "\n    }\n"
        }
        text += """

                # Assets are named by their content (style.3f9a1c2e.css): a new version is a new URL, so
                # the old one may be cached for a year.
                location /\(urls.assetFolder) {
                    try_files $uri =404;
            \(headers(cache: immutable))
                }
            }

            """
        return text
    }
}
