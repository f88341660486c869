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

  <xsl:variable name="rows-rtf">
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
            <xsl:for-each select="exsl:node-set($rows-rtf)/row">
              <tr data-tei="{@tei}">
                <td><code><xsl:value-of select="@convention"/></code></td>
                <td><xsl:value-of select="@meaning"/></td>
                <td class="example"><xsl:apply-templates select="tei:p/node()" mode="text"/></td>
                <td><code><xsl:value-of select="@tei"/></code></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <h2>Names</h2>
        <p>People, places and organisations are linked to the indices of persons, places and
          organisations, where every spelling found in the documents is listed: code names
          (Filippov and Feng Xi for Stalin), transliterations, and OCR garbles.</p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
