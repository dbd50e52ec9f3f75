package io.dictum.web.billing;

import io.dictum.core.access.Actor;
import io.dictum.core.billing.Invoice;
import io.dictum.core.billing.InvoiceService;
import io.dictum.core.billing.NewInvoice;
import io.dictum.core.billing.WriteDown;
import io.dictum.core.cases.CaseId;
import io.dictum.web.paging.PageQuery;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.dictum.web.downloads.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @PostMapping("/api/v1/invoices")
    Mono<ResponseEntity<Invoice>> create(Actor actor, @RequestBody NewInvoice request) {
        return invoices.create(actor, request).map(i -> ResponseEntity
                .created(URI.create("/api/v1/invoices/" + i.id())).body(i));
    }

    @GetMapping("/api/v1/invoices")
    Mono<ResponseEntity<List<Invoice>>> list(Actor actor, @RequestParam(required = false) CaseId caseId,
                                             @RequestParam(required = false) String status, PageQuery paging) {
        return paging.answer(p -> invoices.list(actor, Optional.ofNullable(caseId), status, p));
    }

    /** JSON by default; {@code format=ledes} gives LEDES 1998B (and any other renderer the application has). */
    @GetMapping("/api/v1/invoices/{id}")
    Mono<ResponseEntity<?>> get(Actor actor, @PathVariable UUID id,
                                @RequestParam(required = false) String format) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
            return invoices.get(actor, id).map(i -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(i));
        }
        return invoices.render(actor, id, format).map(r -> Downloads.file(r.mediaType(), r.fileName(), r.content()));
    }

    /** Writes a fee or expense line of a draft down; discount, tax and totals follow. */
    @PatchMapping("/api/v1/invoices/{id}/lines/{number}")
    Mono<Invoice> writeDown(Actor actor, @PathVariable UUID id, @PathVariable int number,
                            @RequestBody WriteDown request) {
        return invoices.writeDown(actor, id, number, request == null ? null : request.writeDown());
    }

    @PostMapping("/api/v1/invoices/{id}/issue")
    Mono<Invoice> issue(Actor actor, @PathVariable UUID id) {
        return invoices.issue(actor, id);
    }

    @PostMapping("/api/v1/invoices/{id}/pay")
    Mono<Invoice> pay(Actor actor, @PathVariable UUID id) {
        return invoices.markPaid(actor, id);
    }

    @PostMapping("/api/v1/invoices/{id}/void")
    Mono<Invoice> voidInvoice(Actor actor, @PathVariable UUID id) {
        return invoices.voidInvoice(actor, id);
    }
}
