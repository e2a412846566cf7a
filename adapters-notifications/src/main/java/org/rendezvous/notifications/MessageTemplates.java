package org.rendezvous.notifications;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;

/**
 * The words of every message (NOT-1, NOT-2), in the recipient's language (NOT-4), from JMustache
 * templates on the classpath: {@code templates/{fr|en}/{kind}.subject.mustache}, {@code .body} (the
 * plain text, also turned into the HTML part) and {@code .sms}, with partials {@code _details},
 * {@code _footer} and the HTML {@code _layout.html}.
 *
 * <p>Templates are strict: a variable or section the context does not have is an error, never an empty
 * string, so a typo cannot send a message with a hole in it. Compiled templates are cached; the class
 * is thread-safe.
 */
public final class MessageTemplates {

    private static final String ROOT = "templates/";
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    private final TemplateSettings settings;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    public MessageTemplates(TemplateSettings settings) {
        this.settings = settings;
    }

    public TemplateSettings settings() {
        return settings;
    }

    public RenderedEmail email(OutgoingMessage message) {
        Language language = message.to().language();
        Map<String, Object> context = TemplateContext.of(message, settings, false);
        String subject = render(language, message.kind(), "subject", false, context).strip().replaceAll("\\s+", " ");
        String text = tidy(render(language, message.kind(), "body", false, context));
        String htmlBody = paragraphs(tidy(render(language, message.kind(), "body", true, context)));
        Map<String, Object> page = new HashMap<>(context);
        page.put("subject", subject);
        page.put("content", htmlBody);
        String html = template(language, "_layout.html", true).execute(page);
        return new RenderedEmail(subject, text, html);
    }

    /** The SMS text, before it is fitted into segments; only kinds routed by SMS have one. */
    public String sms(OutgoingMessage message) {
        Map<String, Object> context = TemplateContext.of(message, settings, true);
        return render(message.to().language(), message.kind(), "sms", false, context).strip()
                .replaceAll("\\s+", " ");
    }

    private String render(Language language, MessageKind kind, String part, boolean html, Map<String, Object> context) {
        return template(language, kind.name().toLowerCase(Locale.ROOT) + "." + part, html).execute(context);
    }

    private Template template(Language language, String name, boolean html) {
        String folder = folder(language);
        return cache.computeIfAbsent(folder + "/" + name + (html ? "#html" : "#text"), key -> {
            Mustache.Compiler compiler = Mustache.compiler().escapeHTML(html).strictSections(true)
                    .withLoader(partial -> reader(folder, "_" + partial));
            try (Reader reader = reader(folder, name)) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String folder(Language language) {
        return language.locale().getLanguage();
    }

    private static Reader reader(String folder, String name) {
        String path = ROOT + folder + "/" + name + ".mustache";
        InputStream in = MessageTemplates.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing template " + path);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Collapses the blank lines left by empty sections. */
    private static String tidy(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    /** Plain text (already HTML-escaped) to HTML: paragraphs, line breaks, links. */
    private static String paragraphs(String escaped) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : escaped.strip().split("\\n\\s*\\n")) {
            Matcher links = URL.matcher(paragraph.strip());
            String linked = links.replaceAll(m -> "<a href=\"" + Matcher.quoteReplacement(m.group())
                    + "\" style=\"color:#1a5fb4;\">" + Matcher.quoteReplacement(m.group()) + "</a>");
            html.append("<p>").append(linked.replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.toString();
    }
}
