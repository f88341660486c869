<?xml version="1.0" encoding="UTF-8"?>
<!-- Editorial principles: the conventions of the edition, each shown with an example
     rendered by the same templates as the cable pages (xslt/common/text.xsl). Each row
     names the TEI elements it documents (data-tei); a test checks them against the
     encoding guide's table of editorial phenomena. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:cg="urn:cablegram:site"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tei cg exsl">
  <xsl:import href="../common/text.xsl"/>
  <xsl:import href="layout.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- The rows stand in a TEI document of their own, whose header describes the later
       hands of the examples (a later addition names its hand from there). -->
  <xsl:variable name="rows-rtf">
    <tei:TEI>
    <tei:teiHeader><tei:profileDesc><tei:handNotes>
      <tei:handNote xml:id="hand1">handwritten</tei:handNote>
      <tei:handNote xml:id="hand2">handwritten, by <tei:persName>Stalin</tei:persName></tei:handNote>
    </tei:handNotes></tei:profileDesc></tei:teiHeader>
    <row tei="choice sic corr" convention="word [sic; possibly X][?]" meaning="The source's reading, flagged by the archive's editors, with their correction; [?] marks the correction as uncertain. The reading view shows the correction, the diplomatic view the source.">
      <tei:p>perhaps <tei:choice><tei:sic>Kaidzio</tei:sic><tei:corr cert="low">Kaesong</tei:corr></tei:choice>.</tei:p>
    </row>
    <row tei="sic" convention="word [sic]" meaning="So in the source: kept as written, flagged by the archive's editors.">
      <tei:p>the <tei:sic>Yalou</tei:sic> river</tei:p>
    </row>
    <row tei="unclear" convention="word [?]" meaning="A doubtful reading.">
      <tei:p>near <tei:unclear cert="low">Chengwen</tei:unclear></tei:p>
    </row>
    <row tei="supplied" convention="[words], c[omrade], G[roup?]" meaning="Words or letters supplied by the archive's editors; a question mark inside the bracket marks a guess.">
      <tei:p>negotiations <tei:supplied reason="omitted">between</tei:supplied> representatives; c<tei:supplied reason="omitted">omrade</tei:supplied>; G<tei:supplied reason="omitted" cert="low">roup</tei:supplied></tei:p>
    </row>
    <row tei="note" convention="Filippov [Stalin]" meaning="An identification by the archive's editors: a code name, a garbled or transliterated name.">
      <tei:p>to Cde. FILIPPOV <tei:note type="identification" place="inline">Stalin</tei:note></tei:p>
    </row>
    <row tei="gap" convention="[...]" meaning="Text the archive's editors left out.">
      <tei:p>the agenda <tei:gap reason="editorial"/> was adopted</tei:p>
    </row>
    <row tei="gap desc" convention="[illegible], [two words illegible]" meaning="Words the archive's editors could not read.">
      <tei:p>the line <tei:gap reason="illegible"><tei:desc>illegible</tei:desc></tei:gap> of Kaesong</tei:p>
    </row>
    <row tei="signed gap desc" convention="[signature], [illegible signature]" meaning="A handwritten signature, not transcribed; a name printed beside it is kept.">
      <tei:p>COLONEL <tei:gap reason="signature"/> (Makarov)</tei:p>
    </row>
    <row tei="stamp ab" convention="[stamp: …]" meaning="A stamp on the document, drawn as a stamp; in the Russian scans, the stamp blocks of the original.">
      <tei:p><tei:stamp>Incoming N° 2212/sh of 30 June 1951</tei:stamp></tei:p>
    </row>
    <row tei="note" convention="[Ed. note: …], [Translator's note: …], footnotes" meaning="Notes of the archive's editors and translators, at their place; footnotes at the end of the version.">
      <tei:p>the instance <tei:note type="translator">the highest authority</tei:note></tei:p>
    </row>
    <row tei="lb" convention="a line end; дол- / жен" meaning="The lines of the scan transcription. The diplomatic view keeps them, with the hyphen of a word broken at a line end; the reading view joins them.">
      <tei:p>В этом ответе он дол<tei:lb break="no"/>жен выразить<tei:lb/>согласие</tei:p>
    </row>
    <row tei="pb fw" convention="/см. сл. лист/, Продолжение шифртелеграммы …, Лист 2" meaning="A sheet turn: the catchword, the sheet's running header and folio (forme work), shown in the diplomatic view only.">
      <tei:p>все иностранные сухопутные,<tei:fw type="catch">/см. сл. лист/</tei:fw><tei:pb n="2"/><tei:fw type="header">Лист 2</tei:fw>военно-морские силы.</tei:p>
    </row>
    <row tei="persName placeName orgName" convention="(names)" meaning="People, places and organisations, linked to their entry in the indices, whatever the spelling, inflection, code name or OCR garble.">
      <tei:p>сообщить это тов. <tei:persName ref="authority/persons.xml#kim-il-sung">Ким Ир Сену</tei:persName> в <tei:placeName ref="authority/places.xml#kaesong">Кэсоне</tei:placeName></tei:p>
    </row>
    <row tei="gap" convention="(the export stops mid-text)" meaning="The archive's page breaks off; nothing is invented after it.">
      <tei:p>the division <tei:gap reason="truncated"/></tei:p>
    </row>
    <row tei="gap desc" convention="[one word missing]" meaning="Words missing from the source, as the archive's editors note.">
      <tei:p>the <tei:gap reason="missing"><tei:desc>one word missing</tei:desc></tei:gap> of the delegation</tei:p>
    </row>
    <row tei="choice abbr expan" convention="VTsSPS [The All-Union Central Council of Trade Unions]" meaning="An abbreviation and its expansion by the archive's editors.">
      <tei:p>the <tei:choice><tei:abbr>VTsSPS</tei:abbr><tei:expan resp="#archive">The All-Union Central Council of Trade Unions</tei:expan></tei:choice> decided</tei:p>
    </row>
    <row tei="note foreign" convention="district [oblast']" meaning="The original's wording, transliterated, given by the archive's editors beside the translation; set in italics.">
      <tei:p>the district <tei:note type="original-wording" place="inline" resp="#archive"><tei:foreign xml:lang="ru-Latn">oblast'</tei:foreign></tei:note> committee</tei:p>
    </row>
    <row tei="note" convention="[literally, &quot;…&quot;]" meaning="An explanation by the archive's editors, in their bracket, without a label.">
      <tei:p>to stroll <tei:note type="editorial" place="inline" resp="#archive">literally, "to take a walk"</tei:note></tei:p>
    </row>
    <row tei="note" convention="a word¹ … ¹ the footnote" meaning="The document's own footnotes: the mark at its place, the note at the foot of the version (in print, at the foot of the page). They are the author's, not the archive's editors'." footnotes="yes">
      <tei:p>the comprador<tei:note type="authorial" place="foot" n="1">Of the big bourgeoisie.</tei:note> bourgeoisie</tei:p>
    </row>
    <row tei="add handNote" convention="[handwritten above: …], [handwritten, by Stalin, in the margin: …]" meaning="A later addition by another hand, in italics and in the ink colour of the hands, with the hand and the place the archive's editors give.">
      <tei:p>Incoming No. 2114 <tei:add place="above" hand="#hand1">328/ag</tei:add>; agreed <tei:add place="margin" hand="#hand2">Yes.</tei:add></tei:p>
    </row>
    <row tei="hi" convention="S H T Y K O V" meaning="A letter-spaced word: shown letter-spaced, kept as one word (SHTYKOV) so that a search finds it.">
      <tei:p>USSR AMBASSADOR <tei:hi rend="letterspaced">SHTYKOV</tei:hi></tei:p>
    </row>
    <row tei="milestone" convention="* * *, ——————, ###" meaning="A separator or an end mark, with its characters as printed, centred.">
      <tei:p><tei:milestone unit="section" rend="* * *"/></tei:p>
    </row>
    <row tei="stamp num" convention="[stamp: …], Copy Nº 2" meaning="A stamp named by its kind where the source says it (incoming, declassification, return, classification, registration); a copy number.">
      <tei:p><tei:stamp type="incoming">Incoming No. 2114</tei:stamp> <tei:num type="copy">Copy Nº 2</tei:num></tei:p>
    </row>
    </tei:TEI>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title">Editorial principles</xsl:with-param>
      <xsl:with-param name="current">principles.html</xsl:with-param>
      <xsl:with-param name="main">
        <h1>Editorial principles</h1>
        <p>Nothing of the source is lost and nothing is invented. The archive's editorial
          brackets are encoded as TEI markup and shown again here as the archive writes them;
          every intervention explains itself when you select it (click, or Tab then Enter).
          The source is never corrected silently: OCR slips are kept, and a correction is shown
          beside the reading of the source.</p>
        <p>Two views: <strong>reading</strong> shows corrections, joins words broken at a line
          end and runs lines together; <strong>diplomatic</strong> shows the source as written,
          with its line and sheet breaks, hyphens and forme work.</p>
        <table class="principles">
          <thead><tr><th scope="col">In the archive</th><th scope="col">Meaning</th><th scope="col">Example</th><th scope="col">TEI</th></tr></thead>
          <tbody>
            <xsl:for-each select="exsl:node-set($rows-rtf)/tei:TEI/row">
              <tr data-tei="{@tei}">
                <td><code><xsl:value-of select="@convention"/></code></td>
                <td><xsl:value-of select="@meaning"/></td>
                <td class="example">
                  <xsl:apply-templates select="tei:p/node()" mode="text"/>
                  <xsl:if test="@footnotes"><xsl:call-template name="footnotes"><xsl:with-param name="scope" select="tei:p"/></xsl:call-template></xsl:if>
                </td>
                <td><code><xsl:value-of select="@tei"/></code></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <h2>Kinds of documents</h2>
        <p>The edition holds every kind of document of the archive: ciphered telegrams,
          letters, reports, records of conversation, telephone conversations, minutes,
          journals, decrees and statements. Each page names the kind in its panel “About this
          document”, and the list of documents can be filtered by it. A document without a
          kind in its TEI (the edition's first, telegram-only encoding) is a ciphered
          telegram.</p>
        <p>The date of a telegram, letter, report or decree is the date it was sent; that of a
          record of conversation, of minutes, a journal or a statement the date it was made.
          Dates are given as the source writes them; where the words are partial, bounded or
          doubtful (“July 1951”, “July 14-15, 1951”, “October [5?]”), the normalised value
          follows in parentheses (square brackets are the archive’s): (between 1951-07-14 and
          1951-07-15, uncertain). Undated documents come last in the list.</p>
        <p>The panel gives the participants of a conversation or meeting with their role
          (host, interlocutor, interpreter, recorder), the author of a record, every sender and
          addressee with their offices and titles, the later hands, the published reprints and
          the provenance of the archival copies.</p>
        <h2>Layout</h2>
        <p>The heading of a document, a subject line (“Betr.: …”) and a reference stand at
          its head with the rest of the furniture; a block set right or centred in the source is
          set so here. Numbered and lettered points keep their numbers, also when a point has
          several paragraphs or points of its own; dashed and bulleted points keep their dashes
          and bullets; a list of those present stands under its label (“In attendance:”). A
          document laid out as a script gives each speaker beside their words. Sections keep
          their headings. A letter or an enclosure quoted inside a document is set apart,
          labelled as such (the label is the edition's, not the source's).</p>
        <h2>Names</h2>
        <p>People, places and organisations are linked to the indices of persons, places and
          organisations, where every spelling found in the documents is listed: code names
          (Filippov and Feng Xi for Stalin), transliterations, and OCR garbles.</p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
