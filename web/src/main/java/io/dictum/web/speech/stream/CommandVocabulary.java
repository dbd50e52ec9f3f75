package io.dictum.web.speech.stream;

import io.dictum.core.cases.CaseRepository;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactKind;
import io.dictum.core.contacts.ContactRepository;
import io.dictum.core.drafting.TemplateRepository;
import io.dictum.core.index.IndexService;
import io.dictum.intents.IntentCatalogue;
import io.dictum.speech.ModelVocabulary;
import io.dictum.speech.PhraseList;
import io.dictum.web.speech.SpeechService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The command phrase list for biasing, built from the catalogue and the firm's case, client, party and template
 * names. It is rebuilt when they change: every few seconds a cheap check compares the index's applied change
 * sequence (every case, party and client change passes through the index change log) and the case and
 * template counts with those of the last build. Streams take the list current when they start.
 */
@Component
class CommandVocabulary implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommandVocabulary.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final int MAX_CONTACTS = 5_000;

    private final SpeechService speech;
    private final CaseRepository cases;
    private final ContactRepository contacts;
    private final TemplateRepository templates;
    private final IndexService index;
    private final StreamControl control = StreamControl.load();
    private final IntentCatalogue catalogue = IntentCatalogue.defaults();
    private volatile PhraseList phrases = PhraseList.EMPTY;
    private volatile String builtFor = "";
    private Disposable checks;

    CommandVocabulary(SpeechService speech, CaseRepository cases, ContactRepository contacts,
                      TemplateRepository templates, IndexService index) {
        this.speech = speech;
        this.cases = cases;
        this.contacts = contacts;
        this.templates = templates;
        this.index = index;
    }

    /** The phrases now; empty until the first build has finished. */
    PhraseList phrases() {
        return phrases;
    }

    StreamControl control() {
        return control;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startChecking() {
        checks = Flux.interval(Duration.ZERO, CHECK_EVERY)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("The command phrase list could not be rebuilt: {}", e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    /** Rebuilds the list when the firm's names may have changed since the last build. */
    Mono<Void> refresh() {
        return Mono.zip(cases.count(), templates.count())
                .map(t -> index.index().appliedSeq() + "/" + t.getT1() + "/" + t.getT2())
                .filter(fingerprint -> !fingerprint.equals(builtFor))
                .flatMap(fingerprint -> build().doOnNext(list -> {
                    phrases = list;
                    builtFor = fingerprint;
                    log.info("Command phrase list: {} phrases", list.size());
                }))
                .then();
    }

    private Mono<PhraseList> build() {
        Mono<Map<io.dictum.core.contacts.ContactId, Contact>> byId = contacts.findAll().take(MAX_CONTACTS)
                .collectMap(Contact::id, Function.identity());
        return Mono.zip(byId, cases.findAll().collectList(), templates.findAll().collectList())
                .publishOn(Schedulers.boundedElastic())
                .map(t -> {
                    ModelVocabulary vocabulary = speech.engine().vocabulary();
                    SpokenNames spoken = new SpokenNames(vocabulary);
                    Set<String> caseForms = new LinkedHashSet<>();
                    for (var c : t.getT2()) {
                        Optional<Contact> client = Optional.ofNullable(t.getT1().get(c.clientId()));
                        caseForms.addAll(spoken.caseForms(c.title(), client.map(Contact::name),
                                client.map(x -> x.kind() == ContactKind.PERSON).orElse(false)));
                    }
                    Set<String> names = new LinkedHashSet<>();
                    for (Contact contact : t.getT1().values()) {
                        boolean person = contact.kind() == ContactKind.PERSON;
                        names.addAll(spoken.nameForms(contact.name(), person));
                        contact.aliases().forEach(a -> names.addAll(spoken.nameForms(a, person)));
                    }
                    Set<String> templateNames = t.getT3().stream()
                            .flatMap(x -> spoken.nameForms(x.name(), false).stream())
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    CommandPhrases.Listed built = CommandPhrases.build(catalogue, Map.of("case", List.copyOf(caseForms),
                            "name", List.copyOf(names), "template", List.copyOf(templateNames)), control.phrases());
                    // a word the model does not know would be dropped from its phrase by Vosk, changing its sense
                    List<String> known = new ArrayList<>();
                    for (String phrase : built.phrases()) {
                        boolean ok = true;
                        for (String word : phrase.split(" ")) {
                            ok &= vocabulary.contains(word);
                        }
                        if (ok) {
                            known.add(phrase);
                        }
                    }
                    return PhraseList.of(known, built.patterns());
                });
    }

    @Override
    public void destroy() {
        if (checks != null) {
            checks.dispose();
        }
    }
}
