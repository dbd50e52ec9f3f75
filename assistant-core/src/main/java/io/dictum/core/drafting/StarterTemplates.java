package io.dictum.core.drafting;

import static io.dictum.templates.docx.DocxBuilder.Span.bold;
import static io.dictum.templates.docx.DocxBuilder.Span.plain;

import io.dictum.templates.docx.DocxBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The templates that ship with Dictum, written in code with docx4j so that their source is readable and reviewed
 * like any other. At every start each starter whose name is not yet in the database is added (so an empty database
 * gets all of them, and a later release's new starters arrive too; a firm template of the same name wins); a firm
 * changes a starter by uploading a new version, which is then kept. Runs before the web server accepts requests.
 */
@Component
public class StarterTemplates implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StarterTemplates.class);

    /** One starter: its stable key, name, description, document kind, and the document. */
    public record Starter(String key, String name, String description, String documentKind,
                          Supplier<byte[]> docx) {
    }

    private final TemplateService templates;

    public StarterTemplates(TemplateService templates) {
        this.templates = templates;
    }

    @Override
    public void afterSingletonsInstantiated() {
        loadMissing().block(Duration.ofMinutes(2));
    }

    /** Adds every starter not yet stored; answers how many were added. */
    public Mono<Integer> loadMissing() {
        return templates.all().map(Template::name).collect(Collectors.toSet()).flatMap(existing -> {
            List<Starter> missing = all().stream().filter(s -> !existing.contains(s.name())).toList();
            return Flux.fromIterable(missing)
                    .concatMap(s -> templates.store(TemplateId.random(), new TemplateService.NewTemplate(s.name(),
                                    s.description(), s.documentKind()), s.key(), null, s.key() + ".docx",
                                    s.docx().get())
                            .onErrorResume(e -> {
                                // Another node added it at the same moment, or the key is taken: nothing to do.
                                log.info("Starter template '{}' not added: {}", s.name(), e.getMessage());
                                return Mono.empty();
                            }))
                    .count()
                    .map(Long::intValue)
                    .doOnNext(n -> {
                        if (n > 0) {
                            log.info("Added {} starter templates", n);
                        }
                    });
        });
    }

    public static List<Starter> all() {
        return List.of(
                new Starter("engagement-letter", "Engagement letter",
                        "Confirms the engagement: scope, fees and responsibilities, for the client to countersign.",
                        "engagement letter", StarterTemplates::engagementLetter),
                new Starter("pi-demand-letter", "Demand letter (personal injury)",
                        "Settlement demand to the at-fault party's insurer: liability, injuries, damages and the"
                                + " amount demanded.", "demand letter", StarterTemplates::demandLetter),
                new Starter("letter-of-representation", "Letter of representation to insurer",
                        "Tells an insurer that the firm represents the claimant, asks for policy information and"
                                + " the preservation of evidence.", "correspondence",
                        StarterTemplates::letterOfRepresentation),
                new Starter("notice-of-appearance", "Notice of appearance",
                        "Counsel's notice of appearance for the client, with a certificate of service.",
                        "pleading", StarterTemplates::noticeOfAppearance),
                new Starter("discovery-cover-letter", "Cover letter for discovery requests",
                        "Serves discovery requests on opposing counsel, listing each one.", "correspondence",
                        StarterTemplates::discoveryCoverLetter),
                new Starter("invoice", "Invoice",
                        "The firm's invoice for legal services: fees by timekeeper, expenses, discount, tax and the"
                                + " amount due. Used for GET /api/v1/invoices/{id}?format=docx|pdf unless the firm"
                                + " adds its own template of kind invoice.", InvoicePlaceholders.KIND,
                        StarterTemplates::invoice));
    }

    /** Names of every starter, for tests and checks. */
    public static Set<String> names() {
        return all().stream().map(Starter::name).collect(Collectors.toSet());
    }

    private static DocxBuilder letterhead() {
        return DocxBuilder.create()
                .heading("[FirmName]")
                .paragraph("[#if FirmAddress]")
                .center("[FirmAddress]")
                .paragraph("[/if]")
                .center("[#if FirmPhone]Tel. [FirmPhone][/if][#if FirmEmail]  \u2022  [FirmEmail][/if]")
                .blank()
                .paragraph("[Today]")
                .blank();
    }

    private static DocxBuilder signature(DocxBuilder b) {
        return b.blank()
                .paragraph("Very truly yours,")
                .blank()
                .paragraph(bold("[FirmName]"))
                .blank()
                .paragraph("______________________________")
                .paragraph("[AttorneyName]");
    }

    static byte[] engagementLetter() {
        DocxBuilder b = letterhead()
                .paragraph(bold("PRIVILEGED AND CONFIDENTIAL"))
                .blank()
                .paragraph("[ClientName]")
                .paragraph("[#if ClientAddress]")
                .paragraph("[ClientAddress]")
                .paragraph("[/if]")
                .blank()
                .paragraph(bold("Re: "), plain("Engagement of [FirmName] \u2014 [CaseTitle] ([CaseNumber])"))
                .blank()
                .paragraph("Dear [ClientName]:")
                .paragraph("Thank you for choosing [FirmName] to represent you. This letter sets out the terms of"
                        + " our engagement, as the rules of professional conduct require.")
                .paragraph(bold("Scope of the engagement. "), plain("We will represent you in [#if ScopeOfRepresentation]"
                        + "[ScopeOfRepresentation][#else]the [MatterType] matter [CaseTitle][/if]. The engagement does"
                        + " not include appeals or other matters unless we agree so in writing."))
                .paragraph(bold("Fees. "), plain("[#if FeeTerms]Our fee is [FeeTerms].[#else]Our fees are billed at"
                        + " the hourly rates of the lawyers and paralegals who work on your matter, in increments"
                        + " of one tenth of an hour.[/if][#if RetainerAmount] You agree to pay a retainer of"
                        + " [RetainerAmount], held in our client trust account and applied to our invoices.[/if]"
                        + " Court costs and other expenses are charged as they are incurred."))
                .paragraph(bold("Your responsibilities. "), plain("You agree to tell us the truth, to keep us"
                        + " informed of any change in your contact details, and to let us know promptly of any"
                        + " development that may affect your matter."))
                .paragraph(bold("Conflicts of interest. "), plain("We have checked our records for conflicts of"
                        + " interest with the parties we know of[#if OpposingParty], including [OpposingParty][/if],"
                        + " and found none that prevents us from representing you."))
                .paragraph("If these terms are acceptable, please sign below and return a copy to us. We look"
                        + " forward to working with you.");
        return signature(b)
                .blank()
                .paragraph(bold("AGREED AND ACCEPTED:"))
                .blank()
                .paragraph("______________________________          Date: ________________")
                .paragraph("[ClientName]")
                .build();
    }

    static byte[] demandLetter() {
        DocxBuilder b = letterhead()
                .paragraph(bold("VIA CERTIFIED MAIL AND E-MAIL"))
                .paragraph(bold("FOR SETTLEMENT PURPOSES ONLY \u2014 FRE 408"))
                .blank()
                .paragraph("[#if AdjusterName][AdjusterName][#else]Claims Department[/if]")
                .paragraph("[Insurer]")
                .blank()
                .paragraph(bold("Re: "), plain("Our client: [ClientName]"))
                .paragraph("      Your insured: [OpposingParty]")
                .paragraph("[#if ClaimNumber]      Claim number: [ClaimNumber][/if]")
                .paragraph("      Date of loss: [IncidentDate]")
                .blank()
                .paragraph("Dear [#if AdjusterName][AdjusterName][#else]Claims Representative[/if]:")
                .paragraph("As you know, this firm represents [ClientName] for the injuries and losses suffered on"
                        + " [IncidentDate][#if IncidentLocation] on [IncidentLocation][/if], when"
                        + " [IncidentDescription].")
                .paragraph(bold("Liability. "), plain("Your insured, [OpposingParty], is liable for the collision"
                        + " and for every loss it caused. We are prepared to prove liability at trial[#if Court] in"
                        + " the [Court][/if]."))
                .paragraph(bold("Injuries. "), plain("As a direct result, [ClientName] suffered [Injuries]. The"
                        + " enclosed medical records describe the treatment received to date."))
                .paragraph("[#draft a summary of the client's injuries and the treatment received, from: medical"
                        + " records]")
                .paragraph(bold("Damages. "), plain("The special damages to date are:"))
                .table(List.of(
                        List.of("Medical expenses", "[MedicalExpenses]"),
                        List.of("[#if LostWages]", ""),
                        List.of("Lost wages", "[LostWages]"),
                        List.of("[/if]", "")))
                .paragraph("These amounts do not include pain and suffering, future medical care or loss of"
                        + " enjoyment of life, all of which a jury will consider.")
                .paragraph(bold("Demand. "), plain("[ClientName] will resolve all claims against your insured for"
                        + " "), bold("[DemandAmount]"), plain(". This offer remains open until [ResponseDeadline];"
                        + " if it is not accepted in writing by then, it is withdrawn and we will proceed"
                        + " accordingly."))
                .paragraph("Please preserve all evidence relating to this claim, including photographs, recorded"
                        + " statements, telematics and driver logs.");
        return signature(b).build();
    }

    static byte[] letterOfRepresentation() {
        DocxBuilder b = letterhead()
                .paragraph("[#if AdjusterName][AdjusterName][#else]Claims Department[/if]")
                .paragraph("[Insurer]")
                .blank()
                .paragraph(bold("Re: "), plain("Claimant: [ClientName]"))
                .paragraph("      Your insured: [OpposingParty]")
                .paragraph("[#if PolicyNumber]      Policy number: [PolicyNumber][/if]")
                .paragraph("[#if ClaimNumber]      Claim number: [ClaimNumber][/if]")
                .paragraph("      Date of loss: [IncidentDate]")
                .blank()
                .paragraph("Dear Sir or Madam:")
                .paragraph("Please be advised that [FirmName] represents [ClientName] in connection with the"
                        + " injuries and damages arising from the incident of [IncidentDate]. Please direct all"
                        + " further communication about this claim to this office, and do not contact our client"
                        + " directly.")
                .paragraph("Within thirty days, please provide:")
                .paragraph("1.  a certified copy of the declarations page of every policy that may cover this loss,"
                        + " with its limits;")
                .paragraph("2.  any recorded or written statement of our client in your possession; and")
                .paragraph("3.  the name and direct contact details of the adjuster assigned to the claim.")
                .paragraph("Please also preserve all evidence relating to the incident, including photographs,"
                        + " vehicle data, dispatch records and communications, until this matter is finally"
                        + " resolved.");
        return signature(b).build();
    }

    static byte[] noticeOfAppearance() {
        DocxBuilder b = DocxBuilder.create()
                .heading("[Court]")
                .blank()
                .paragraph(bold("[CaseTitle]"))
                .paragraph("Case No. [CaseNumber]")
                .paragraph("[#if Judge]Assigned to: [Judge][/if]")
                .blank()
                .heading("NOTICE OF APPEARANCE")
                .blank()
                .paragraph("PLEASE TAKE NOTICE that [AttorneyName] of [FirmName] hereby appears as counsel for"
                        + " [ClientName] in the above-captioned matter, and requests that copies of all papers"
                        + " filed or served in this action be served upon the undersigned.")
                .blank()
                .paragraph("Dated: [#if FilingDate][FilingDate][#else][Today][/if]")
                .blank()
                .paragraph("Respectfully submitted,")
                .blank()
                .paragraph("______________________________")
                .paragraph("[AttorneyName]")
                .paragraph("[FirmName]")
                .paragraph("[#if FirmAddress]")
                .paragraph("[FirmAddress]")
                .paragraph("[/if]")
                .paragraph("[#if FirmPhone]Tel. [FirmPhone][/if]")
                .paragraph("[#if FirmEmail][FirmEmail][/if]")
                .paragraph("Counsel for [ClientName]")
                .pageBreak()
                .heading("CERTIFICATE OF SERVICE")
                .blank()
                .paragraph("I certify that on [#if FilingDate][FilingDate][#else][Today][/if], I served this"
                        + " notice through the court's electronic filing system on [#if OpposingCounsel]"
                        + "[OpposingCounsel], counsel for [OpposingParty][#else][OpposingParty][/if].")
                .blank()
                .paragraph("______________________________")
                .paragraph("[AttorneyName]");
        return b.build();
    }

    /** The starter invoice; its placeholders are {@link InvoicePlaceholders}, one table row per line. */
    public static byte[] invoice() {
        return DocxBuilder.create()
                .heading("[FirmName]")
                .paragraph("[#if FirmAddress]")
                .center("[FirmAddress]")
                .paragraph("[/if]")
                .center("[#if FirmPhone]Tel. [FirmPhone][/if][#if FirmEmail]  \u2022  [FirmEmail][/if]")
                .center("[#if LawFirmId]Tax ID [LawFirmId][/if]")
                .blank()
                .heading("INVOICE")
                .center("[#if InvoiceDraft]DRAFT \u2014 NOT FOR DISTRIBUTION[/if][#if InvoiceVoid]VOID[/if]")
                .blank()
                .table(List.of(
                        List.of("Invoice number", "[InvoiceNumber]"),
                        List.of("Invoice date", "[InvoiceDate]"),
                        List.of("Billing period", "[PeriodFrom] through [PeriodTo]"),
                        List.of("Matter", "[CaseTitle] (Case No. [CaseNumber])")))
                .blank()
                .paragraph(bold("Bill to: "), plain("[ClientName]"))
                .blank()
                .paragraph("[#if Fees]")
                .paragraph(bold("Professional services"))
                .table(List.of(
                        List.of("Date", "Timekeeper", "Description", "Hours", "Rate", "Amount"),
                        List.of("[#each Fees]", "", "", "", "", ""),
                        List.of("[Date]", "[Timekeeper]", "[Description][#if WriteDown] (written down by"
                                + " [WriteDown])[/if]", "[Units]", "[Rate]", "[Amount]"),
                        List.of("[/each]", "", "", "", "", "")))
                .paragraph("Total fees: [FeesTotal] for [HoursTotal] hours")
                .blank()
                .paragraph("[/if]")
                .paragraph("[#if Expenses]")
                .paragraph(bold("Expenses"))
                .table(List.of(
                        List.of("Date", "Description", "Quantity", "Unit cost", "Amount"),
                        List.of("[#each Expenses]", "", "", "", ""),
                        List.of("[Date]", "[Description][#if WriteDown] (written down by [WriteDown])[/if]",
                                "[Units]", "[Rate]", "[Amount]"),
                        List.of("[/each]", "", "", "", "")))
                .paragraph("Total expenses: [ExpensesTotal]")
                .blank()
                .paragraph("[/if]")
                .paragraph(bold("Summary"))
                .table(List.of(
                        List.of("Fees", "[FeesTotal]"),
                        List.of("[#if DiscountTotal]", ""),
                        List.of("Discount of [DiscountPercent]% on fees", "[DiscountTotal]"),
                        List.of("[/if]", ""),
                        List.of("Expenses", "[ExpensesTotal]"),
                        List.of("[#if TaxTotal]", ""),
                        List.of("Tax at [TaxPercent]%", "[TaxTotal]"),
                        List.of("[/if]", "")))
                .paragraph(bold("Total due: [InvoiceTotal]"))
                .blank()
                .paragraph("Amounts are in [Currency]. Payment is due within thirty days of the invoice date;"
                        + " please write the invoice number [InvoiceNumber] on your payment. Thank you for the"
                        + " opportunity to serve you.")
                .build();
    }

    static byte[] discoveryCoverLetter() {
        DocxBuilder b = letterhead()
                .paragraph("[OpposingCounsel]")
                .paragraph("Counsel for [OpposingParty]")
                .blank()
                .paragraph(bold("Re: "), plain("[CaseTitle], Case No. [CaseNumber]"))
                .blank()
                .paragraph("Dear [OpposingCounsel]:")
                .paragraph("Enclosed and served upon you on behalf of [ClientName] please find:")
                .paragraph("[#each DiscoveryRequests]")
                .paragraph("\u2022  [Name]")
                .paragraph("[/each]")
                .paragraph("Responses are due within thirty days of service under the Federal Rules of Civil"
                        + " Procedure[#if ResponseDeadline], that is by [ResponseDeadline][/if]. Please do not"
                        + " hesitate to contact me to discuss any of the requests or a suitable date for a"
                        + " meet-and-confer.");
        return signature(b).build();
    }
}
