package io.dictum.web.appointments;

import io.dictum.core.access.Actor;
import io.dictum.core.appointments.Appointment;
import io.dictum.core.appointments.AppointmentService;
import io.dictum.core.appointments.NewAppointment;
import io.dictum.core.cases.CaseId;
import io.dictum.web.paging.PageQuery;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The case calendar's appointments: what people attend, beside the deadlines the court rules compute. */
@RestController
class AppointmentController {

    private final AppointmentService appointments;

    AppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @PostMapping("/api/v1/cases/{id}/appointments")
    Mono<ResponseEntity<Appointment>> create(Actor actor, @PathVariable CaseId id,
                                             @RequestBody NewAppointment request) {
        return appointments.create(actor, id, request).map(a -> ResponseEntity
                .created(URI.create("/api/v1/appointments?caseId=" + id)).body(a));
    }

    /** Appointments on days from to to (inclusive), of one case or of every case the actor may see; paged. */
    @GetMapping("/api/v1/appointments")
    Mono<ResponseEntity<List<Appointment>>> list(Actor actor, @RequestParam(required = false) CaseId caseId,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to, PageQuery paging) {
        return paging.answer(p -> appointments.page(actor, Optional.ofNullable(caseId), from, to, p));
    }

    @DeleteMapping("/api/v1/appointments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Actor actor, @PathVariable UUID id) {
        return appointments.delete(actor, id);
    }
}
