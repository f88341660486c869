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
    <row key="correction" tei="choice sic corr" convention="word [sic; possibly X][?]">
      <tei:p>perhaps <tei:choice><tei:sic>Kaidzio</tei:sic><tei:corr cert="low">Kaesong</tei:corr></tei:choice>.</tei:p>
    </row>
    <row key="sic" tei="sic" convention="word [sic]">
      <tei:p>the <tei:sic>Yalou</tei:sic> river</tei:p>
    </row>
    <row key="unclear" tei="unclear" convention="word [?]">
      <tei:p>near <tei:unclear cert="low">Chengwen</tei:unclear></tei:p>
    </row>
    <row key="supplied" tei="supplied" convention="[words], c[omrade], G[roup?]">
      <tei:p>negotiations <tei:supplied reason="omitted">between</tei:supplied> representatives; c<tei:supplied reason="omitted">omrade</tei:supplied>; G<tei:supplied reason="omitted" cert="low">roup</tei:supplied></tei:p>
    </row>
    <row key="identification" tei="note" convention="Filippov [Stalin]">
      <tei:p>to Cde. FILIPPOV <tei:note type="identification" place="inline">Stalin</tei:note></tei:p>
    </row>
    <row key="omission" tei="gap" convention="[...]">
      <tei:p>the agenda <tei:gap reason="editorial"/> was adopted</tei:p>
    </row>
    <row key="illegible" tei="gap desc" convention="[illegible], [two words illegible]">
      <tei:p>the line <tei:gap reason="illegible"><tei:desc>illegible</tei:desc></tei:gap> of Kaesong</tei:p>
    </row>
    <row key="signature" tei="signed gap desc" convention="[signature], [illegible signature]">
      <tei:p>COLONEL <tei:gap reason="signature"/> (Makarov)</tei:p>
    </row>
    <row key="stamp" tei="stamp ab" convention="[stamp: …]">
      <tei:p><tei:stamp>Incoming N° 2212/sh of 30 June 1951</tei:stamp></tei:p>
    </row>
    <row key="notes" tei="note" convention="[Ed. note: …], [Translator's note: …], footnotes">
      <tei:p>the instance <tei:note type="translator">the highest authority</tei:note></tei:p>
    </row>
    <row key="line" tei="lb" convention="a line end; дол- / жен">
      <tei:p>В этом ответе он дол<tei:lb break="no"/>жен выразить<tei:lb/>согласие</tei:p>
    </row>
    <row key="sheet" tei="pb fw" convention="/см. сл. лист/, Продолжение шифртелеграммы …, Лист 2">
      <tei:p>все иностранные сухопутные,<tei:fw type="catch">/см. сл. лист/</tei:fw><tei:pb n="2"/><tei:fw type="header">Лист 2</tei:fw>военно-морские силы.</tei:p>
    </row>
    <row key="names" tei="persName placeName orgName" convention="(names)">
      <tei:p>сообщить это тов. <tei:persName ref="authority/persons.xml#kim-il-sung">Ким Ир Сену</tei:persName> в <tei:placeName ref="authority/places.xml#kaesong">Кэсоне</tei:placeName></tei:p>
    </row>
    <row key="truncated" tei="gap" convention="(the export stops mid-text)">
      <tei:p>the division <tei:gap reason="truncated"/></tei:p>
    </row>
    <row key="missing" tei="gap desc" convention="[one word missing]">
      <tei:p>the <tei:gap reason="missing"><tei:desc>one word missing</tei:desc></tei:gap> of the delegation</tei:p>
    </row>
    <row key="expansion" tei="choice abbr expan" convention="VTsSPS [The All-Union Central Council of Trade Unions]">
      <tei:p>the <tei:choice><tei:abbr>VTsSPS</tei:abbr><tei:expan resp="#archive">The All-Union Central Council of Trade Unions</tei:expan></tei:choice> decided</tei:p>
    </row>
    <row key="original-wording" tei="note foreign" convention="district [oblast']">
      <tei:p>the district <tei:note type="original-wording" place="inline" resp="#archive"><tei:foreign xml:lang="ru-Latn">oblast'</tei:foreign></tei:note> committee</tei:p>
    </row>
    <row key="explanation" tei="note" convention="[literally, &quot;…&quot;]">
      <tei:p>to stroll <tei:note type="editorial" place="inline" resp="#archive">literally, "to take a walk"</tei:note></tei:p>
    </row>
    <row key="authorial-footnote" tei="note" convention="a word¹ … ¹ the footnote" footnotes="yes">
      <tei:p>the comprador<tei:note type="authorial" place="foot" n="1">Of the big bourgeoisie.</tei:note> bourgeoisie</tei:p>
    </row>
    <row key="addition" tei="add handNote" convention="[handwritten above: …], [handwritten, by Stalin, in the margin: …]">
      <tei:p>Incoming No. 2114 <tei:add place="above" hand="#hand1">328/ag</tei:add>; agreed <tei:add place="margin" hand="#hand2">Yes.</tei:add></tei:p>
    </row>
    <row key="letterspaced" tei="hi" convention="S H T Y K O V">
      <tei:p>USSR AMBASSADOR <tei:hi rend="letterspaced">SHTYKOV</tei:hi></tei:p>
    </row>
    <row key="milestone" tei="milestone" convention="* * *, ——————, ###">
      <tei:p><tei:milestone unit="section" rend="* * *"/></tei:p>
    </row>
    <row key="stamp-kind" tei="stamp num" convention="[stamp: …], Copy Nº 2">
      <tei:p><tei:stamp type="incoming">Incoming No. 2114</tei:stamp> <tei:num type="copy">Copy Nº 2</tei:num></tei:p>
    </row>
    </tei:TEI>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="page">
      <xsl:with-param name="title"><xsl:call-template name="msg"><xsl:with-param name="key">nav.principles</xsl:with-param></xsl:call-template></xsl:with-param>
      <xsl:with-param name="current">principles.html</xsl:with-param>
      <xsl:with-param name="main">
        <h1><xsl:call-template name="msg"><xsl:with-param name="key">nav.principles</xsl:with-param></xsl:call-template></h1>
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">principles.intro</xsl:with-param></xsl:call-template></p>
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">principles.views</xsl:with-param></xsl:call-template></p>
        <table class="principles">
          <thead><tr><th scope="col"><xsl:call-template name="msg"><xsl:with-param name="key">principles.col.archive</xsl:with-param></xsl:call-template></th><th scope="col"><xsl:call-template name="msg"><xsl:with-param name="key">principles.col.meaning</xsl:with-param></xsl:call-template></th><th scope="col"><xsl:call-template name="msg"><xsl:with-param name="key">principles.col.example</xsl:with-param></xsl:call-template></th><th scope="col">TEI</th></tr></thead>
          <tbody>
            <xsl:for-each select="exsl:node-set($rows-rtf)/tei:TEI/row">
              <tr data-tei="{@tei}">
                <td><code><xsl:call-template name="msg-or"><xsl:with-param name="key" select="concat('principles.convention.', @key)"/><xsl:with-param name="default" select="string(@convention)"/></xsl:call-template></code></td>
                <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('principles.meaning.', @key)"/></xsl:call-template></td>
                <td class="example">
                  <xsl:apply-templates select="tei:p/node()" mode="text"/>
                  <xsl:if test="@footnotes"><xsl:call-template name="footnotes"><xsl:with-param name="scope" select="tei:p"/></xsl:call-template></xsl:if>
                </td>
                <td><code><xsl:value-of select="@tei"/></code></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <h2><xsl:call-template name="msg"><xsl:with-param name="key">principles.h.kinds</xsl:with-param></xsl:call-template></h2>
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">principles.kinds</xsl:with-param></xsl:call-template></p>
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">principles.dates</xsl:with-param></xsl:call-template></p>
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">principles.panel</xsl:with-param></xsl:call-template></p>
        <h2><xsl:call-template name="msg"><xsl:with-param name="key">principles.h.layout</xsl:with-param></xsl:call-template></h2>
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">principles.layout</xsl:with-param></xsl:call-template></p>
        <h2><xsl:call-template name="msg"><xsl:with-param name="key">principles.h.names</xsl:with-param></xsl:call-template></h2>
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">principles.names</xsl:with-param></xsl:call-template></p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
