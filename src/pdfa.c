/* SPDX-License-Identifier: MIT */
/* pdfa: the XMP packet, output intent and /ID of an archive PDF. */
#include "pdfa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf_encrypt.h>

#include "text.h"

/* ---- XMP -------------------------------------------------------------- */

/* XML character data: markup escaped; C0 controls, which XML 1.0 cannot
 * carry at all, become spaces. */
static void put_xml(strbuf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&apos;"); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
                sb_putc(b, ' ');
            else
                sb_putc(b, *s);
        }
    }
}

static void put_element(strbuf *b, const char *open, const char *value, const char *close)
{
    if (!value || !*value)
        return;
    sb_puts(b, open);
    put_xml(b, value);
    sb_puts(b, close);
}

/* epoch in UTC as format gives it; "" for no date (epoch < 0). */
static void format_date(long long epoch, const char *format, char buf[24])
{
    time_t t = (time_t)epoch;
    struct tm tm;
    if (epoch < 0 || !gmtime_r(&t, &tm) || strftime(buf, 24, format, &tm) == 0)
        buf[0] = '\0';
}

void pdfa_pdf_date(long long epoch, char buf[24])
{
    format_date(epoch, "D:%Y%m%d%H%M%SZ", buf);
}

#define RDF_DESC(ns) "  <rdf:Description rdf:about=\"\" " ns ">\n"
#define RDF_END "  </rdf:Description>\n"

char *pdfa_xmp(const pdf_info *info, const char *creator, const char *producer, int part)
{
    strbuf b = {0};
    /* The BOM in begin="" is the packet's encoding mark (UTF-8). */
    sb_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    sb_puts(&b, RDF_DESC("xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                "   <dc:format>application/pdf</dc:format>\n");
    put_element(&b, "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", info->title,
                "</rdf:li></rdf:Alt></dc:title>\n");
    put_element(&b, "   <dc:creator><rdf:Seq><rdf:li>", info->author, "</rdf:li></rdf:Seq></dc:creator>\n");
    put_element(&b, "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", info->subject,
                "</rdf:li></rdf:Alt></dc:description>\n");
    sb_puts(&b, RDF_END RDF_DESC("xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""));
    put_element(&b, "   <pdf:Producer>", producer, "</pdf:Producer>\n");
    put_element(&b, "   <pdf:Keywords>", info->keywords, "</pdf:Keywords>\n");
    sb_puts(&b, RDF_END RDF_DESC("xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""));
    put_element(&b, "   <xmp:CreatorTool>", creator, "</xmp:CreatorTool>\n");
    char date[24];
    format_date(info->epoch, "%Y-%m-%dT%H:%M:%SZ", date);
    put_element(&b, "   <xmp:CreateDate>", date, "</xmp:CreateDate>\n");
    put_element(&b, "   <xmp:ModifyDate>", date, "</xmp:ModifyDate>\n");
    sb_printf(&b, RDF_END RDF_DESC("xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
                  "   <pdfaid:part>%d</pdfaid:part>\n"
                  "   <pdfaid:conformance>B</pdfaid:conformance>\n" RDF_END,
              part);
    sb_puts(&b, " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    return sb_take(&b);
}

/* ---- catalog and font additions -------------------------------------- */

HPDF_STATUS pdfa_add_metadata(HPDF_Doc pdf, const char *xmp)
{
    /* PDF/A-1 forbids filters on the metadata stream; a new stream has none. */
    HPDF_Dict meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!meta)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS ret = HPDF_Dict_AddName(meta, "Type", "Metadata");
    ret += HPDF_Dict_AddName(meta, "Subtype", "XML");
    ret += HPDF_Stream_WriteStr(meta->stream, xmp);
    ret += HPDF_Dict_Add(pdf->catalog, "Metadata", meta);
    return ret;
}

HPDF_STATUS pdfa_add_output_intent(HPDF_Doc pdf, const unsigned char *icc, size_t len)
{
    static const char condition[] = "sRGB IEC61966-2.1";
    HPDF_Dict profile = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    if (!profile || !intent || !intents)
        return HPDF_FAILD_TO_ALLOC_MEM;
    profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_STATUS ret = HPDF_Dict_AddNumber(profile, "N", 3);
    ret += HPDF_Stream_Write(profile->stream, icc, (HPDF_UINT)len);
    ret += HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    ret += HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    ret += HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, condition, NULL));
    ret += HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, condition, NULL));
    ret += HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    ret += HPDF_Array_Add(intents, intent);
    ret += HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
    return ret;
}

/* ---- /ID -------------------------------------------------------------- */

#define ID_BYTES 16

HPDF_STATUS pdfa_reserve_id(HPDF_Doc pdf)
{
    static const HPDF_BYTE zeros[ID_BYTES];
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    if (!id)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS ret = HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)zeros, ID_BYTES));
    ret += HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)zeros, ID_BYTES));
    ret += HPDF_Dict_Add(pdf->trailer, "ID", id);
    return ret;
}

/* The last "<000…0>" (ID_BYTES zero bytes in hex) at or after from. */
static unsigned char *find_placeholder(unsigned char *from, unsigned char *end)
{
    const size_t want = 2 * ID_BYTES + 2;
    unsigned char *found = NULL;
    for (unsigned char *p = from; p + want <= end; p++) {
        if (*p != '<' || p[want - 1] != '>')
            continue;
        size_t k = 1;
        while (k < want - 1 && p[k] == '0')
            k++;
        if (k == want - 1)
            found = p;
    }
    return found;
}

int pdfa_fill_id(unsigned char *pdf, size_t len)
{
    /* The trailer is the last dictionary: look for /ID after the last
     * "trailer" keyword, so no stream content can be mistaken for it. */
    unsigned char *end = pdf + len, *trailer = NULL;
    for (unsigned char *p = len >= 7 ? end - 7 : NULL; p && !trailer; p = p > pdf ? p - 1 : NULL)
        if (memcmp(p, "trailer", 7) == 0)
            trailer = p;
    unsigned char *second = trailer ? find_placeholder(trailer, end) : NULL;
    unsigned char *first = second ? find_placeholder(trailer, second) : NULL;
    if (!first)
        return -1;
    HPDF_BYTE digest[ID_BYTES];
    HPDF_MD5_CTX ctx;
    HPDF_MD5Init(&ctx);
    HPDF_MD5Update(&ctx, pdf, (HPDF_UINT32)len);
    HPDF_MD5Final(digest, &ctx);
    for (size_t i = 0; i < ID_BYTES; i++) {
        static const char hex[] = "0123456789ABCDEF";
        first[1 + 2 * i] = second[1 + 2 * i] = (unsigned char)hex[digest[i] >> 4];
        first[2 + 2 * i] = second[2 + 2 * i] = (unsigned char)hex[digest[i] & 15];
    }
    return 0;
}
