<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: paged HTML for WeasyPrint (CSS Paged Media, print.css).
  Input: the corpus document (cg:site) that the web edition's corpus pages also read.
  $standalone = 'yes' gives the pages of one cable only (no title page or contents). The
  indexes of a volume are made after its layout (render/print_index.py, print/index.xsl).
  The documents come in the order of the volume (render/print.py's document_order: by date,
  the undated last), so nothing here sorts them.

  The text is the reading text. The archive editors' judgements on a reading ([sic], [?],
  supplied words, identifications, expansions, notes within a paragraph) become footnotes
  carrying their bracket text (Kaidzio] sic; possibly Kaesong [?]), at the foot of the page;
  what the source lacks (gap: [...], [signature]; add: [handwritten above: …]) stays inline
  in brackets (span.ed). The principles page (print.principles.* messages) says so: change
  both together (test_print.test_the_principles_say_where_the_brackets_are).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">
  <xsl:import href="../common/text.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="standalone" select="'no'"/>
  <!-- What the edition says of itself (cablegram.toml [edition]; cablegram passes them) -->
  <xsl:param name="edition-title" select="'Untitled edition'"/>
  <xsl:param name="edition-subtitle" select="''"/>
  <xsl:param name="edition-editors" select="''"/>
  <xsl:param name="edition-publisher" select="''"/>
  <xsl:param name="edition-place" select="''"/>
  <xsl:param name="edition-date" select="''"/>
  <xsl:param name="edition-version" select="''"/>
  <xsl:param name="edition-licence" select="''"/>
  <xsl:param name="edition-licence-url" select="''"/>
  <xsl:param name="edition-base-url" select="''"/>
  <xsl:param name="css" select="'print.css'"/>
  <!-- In an edition of several volumes, this one's place: 'Volume 2 of 5: documents …' -->
  <xsl:param name="volume-label" select="''"/>
  <!-- 'yes': the parallel print (render/facing.py marks the documents it sets so) -->
  <xsl:param name="parallel" select="'no'"/>

  <!-- Names with a reference, the header's too: lookups keep those in a text. (A pattern
       "tei:text//…" made libxslt's key table quadratic in the volume's size: 400 cables took
       23 s to transform, 1,000 would have taken minutes.) -->
  <!-- (a name in the editors' correction is printed in its footnote as plain text: the
       index gives the pages of the names the text holds) -->
  <xsl:key name="mentions" match="tei:persName[@ref][not(ancestor::tei:corr)] | tei:placeName[@ref][not(ancestor::tei:corr)] | tei:orgName[@ref][not(ancestor::tei:corr)]"
           use="substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')"/>

  <xsl:variable name="cables" select="//cg:cables/tei:TEI"/>

  <!-- The parallel print: the elements of a group of facing versions (render/facing.py),
       by document and group, and by side too. -->
  <xsl:key name="group" match="*[@cg:group]" use="concat(ancestor::tei:TEI/@xml:id, '|', @cg:group)"/>
  <xsl:key name="side-group" match="*[@cg:group]"
           use="concat(ancestor::tei:TEI/@xml:id, '|', ancestor::tei:div/@cg:side, '|', @cg:group)"/>

  <xsl:template match="/">
    <html lang="{$ui-lang}">
      <head>
        <meta charset="utf-8"/>
        <title>
          <xsl:choose>
            <xsl:when test="$standalone = 'yes'">
              <xsl:variable name="title"><xsl:apply-templates select="$cables[1]/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/></xsl:variable>
              <xsl:value-of select="normalize-space($title)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$edition-title"/>
              <xsl:if test="$volume-label != ''">. <xsl:value-of select="$volume-label"/></xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </title>
        <xsl:if test="$edition-editors != ''"><meta name="author" content="{$edition-editors}"/></xsl:if>
        <meta name="generator" content="cablegram"/>
        <xsl:if test="$edition-subtitle != ''"><meta name="description" content="{$edition-subtitle}"/></xsl:if>
        <xsl:if test="$edition-licence != ''"><meta name="dcterms.rights" content="{$edition-licence}"/></xsl:if>
        <link rel="stylesheet" href="{$css}"/>
      </head>
      <body>
        <xsl:if test="$standalone != 'yes'">
          <section class="title-page">
            <h1 class="volume-title"><xsl:value-of select="$edition-title"/></h1>
            <xsl:if test="$edition-subtitle != ''"><p class="subtitle"><xsl:value-of select="$edition-subtitle"/></p></xsl:if>
            <xsl:if test="$volume-label != ''">
              <p class="volume-label"><xsl:value-of select="$volume-label"/></p>
            </xsl:if>
            <xsl:if test="$edition-editors != ''"><p class="editors"><xsl:call-template name="msg"><xsl:with-param name="key">print.edited-by</xsl:with-param><xsl:with-param name="p1" select="$edition-editors"/></xsl:call-template></p></xsl:if>
            <p class="count"><xsl:call-template name="msg"><xsl:with-param name="key">count.documents</xsl:with-param><xsl:with-param name="count" select="count($cables)"/></xsl:call-template></p>
            <xsl:if test="$edition-publisher != '' or $edition-place != '' or $edition-date != ''">
              <p class="imprint"><xsl:call-template name="print-imprint"/></p>
            </xsl:if>
          </section>
          <xsl:call-template name="verso"/>
          <xsl:call-template name="contents"/>
          <xsl:call-template name="principles"/>
        </xsl:if>
        <xsl:apply-templates select="$cables" mode="cable"/>
      </body>
    </html>
  </xsl:template>

  <!-- ======================================================== front matter -->

  <!-- "Publisher, Place, 2026": the parts cablegram.toml gives -->
  <xsl:template name="print-imprint">
    <xsl:variable name="parts">
      <xsl:if test="$edition-publisher != ''">, <xsl:value-of select="$edition-publisher"/></xsl:if>
      <xsl:if test="$edition-place != ''">, <xsl:value-of select="$edition-place"/></xsl:if>
      <xsl:if test="$edition-date != ''">, <xsl:value-of select="$edition-date"/></xsl:if>
    </xsl:variable>
    <xsl:value-of select="substring($parts, 3)"/>
  </xsl:template>

  <!-- The back of the title page, a page of its own: the imprint, the edition's date and
       version, its licence, its address, how to cite it, what made it. -->
  <xsl:template name="verso">
    <section class="verso">
      <xsl:if test="$edition-publisher != '' or $edition-place != ''">
        <p class="publisher"><xsl:if test="$edition-publisher != ''"><xsl:call-template name="msg"><xsl:with-param name="key">print.verso.publisher</xsl:with-param></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$edition-publisher"/></xsl:if><xsl:if test="$edition-publisher != '' and $edition-place != ''">, </xsl:if><xsl:value-of select="$edition-place"/></p>
      </xsl:if>
      <xsl:if test="$edition-date != ''">
        <p class="date"><xsl:call-template name="msg"><xsl:with-param name="key">print.verso.date</xsl:with-param><xsl:with-param name="p1" select="$edition-date"/></xsl:call-template></p>
      </xsl:if>
      <xsl:if test="$edition-version != ''">
        <p class="version"><xsl:call-template name="msg"><xsl:with-param name="key">print.verso.version-line</xsl:with-param><xsl:with-param name="p1" select="$edition-version"/></xsl:call-template></p>
      </xsl:if>
      <xsl:if test="$edition-licence != ''">
        <p class="licence"><xsl:call-template name="msg"><xsl:with-param name="key">imprint.licence</xsl:with-param></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$edition-licence"/>
          <xsl:if test="$edition-licence-url != '' and $edition-licence-url != $edition-licence"><xsl:text> </xsl:text><span class="url">(<xsl:value-of select="$edition-licence-url"/>)</span></xsl:if>
        </p>
      </xsl:if>
      <xsl:if test="$edition-base-url != ''">
        <p class="online"><xsl:call-template name="msg"><xsl:with-param name="key">print.verso.online</xsl:with-param></xsl:call-template><xsl:text> </xsl:text><span class="url"><xsl:value-of select="$edition-base-url"/></span></p>
      </xsl:if>
      <p class="cite"><xsl:call-template name="msg"><xsl:with-param name="key">print.verso.cite</xsl:with-param></xsl:call-template><xsl:text> </xsl:text>
        <xsl:if test="$edition-editors != ''"><xsl:value-of select="$edition-editors"/> (<xsl:call-template name="msg"><xsl:with-param name="key">print.verso.eds</xsl:with-param></xsl:call-template>), </xsl:if>
        <i><xsl:value-of select="$edition-title"/></i>
        <xsl:if test="$edition-version != ''">, <xsl:call-template name="msg"><xsl:with-param name="key">print.verso.version</xsl:with-param><xsl:with-param name="p1" select="$edition-version"/></xsl:call-template></xsl:if>
        <xsl:variable name="imprint"><xsl:call-template name="print-imprint"/></xsl:variable>
        <xsl:if test="$imprint != ''">. <xsl:value-of select="$imprint"/></xsl:if>
        <xsl:text>.</xsl:text>
        <xsl:if test="$edition-base-url != ''"><xsl:text> </xsl:text><span class="url"><xsl:value-of select="$edition-base-url"/></span></xsl:if>
      </p>
      <p class="made-with"><xsl:call-template name="msg"><xsl:with-param name="key">print.made-with</xsl:with-param></xsl:call-template></p>
    </section>
  </xsl:template>

  <xsl:template name="contents">
    <nav class="contents" id="contents">
      <h1 class="matter"><xsl:call-template name="msg"><xsl:with-param name="key">print.contents</xsl:with-param></xsl:call-template></h1>
      <!-- in columns a reader scans: the document's number, its heading, its date, its page -->
      <table>
        <tr class="part">
          <td class="number"/>
          <td class="heading" colspan="2"><a href="#principles"><xsl:call-template name="msg"><xsl:with-param name="key">nav.principles</xsl:with-param></xsl:call-template></a></td>
          <td class="page"><a class="page" href="#principles"/></td>
        </tr>
        <xsl:for-each select="$cables">
          <tr class="document">
            <td class="number"><xsl:call-template name="heading-text"><xsl:with-param name="part">number</xsl:with-param></xsl:call-template></td>
            <td class="heading"><a href="#{@xml:id}"><xsl:call-template name="heading-text"><xsl:with-param name="part">who</xsl:with-param></xsl:call-template></a></td>
            <td class="date"><xsl:call-template name="heading-text"><xsl:with-param name="part">date</xsl:with-param></xsl:call-template></td>
            <td class="page"><a class="page" href="#{@xml:id}"/></td>
          </tr>
        </xsl:for-each>
        <!-- the indexes are laid out after the volume (render/print_index.py); this
             contents is laid out again then, with their page numbers -->
        <xsl:call-template name="index-in-contents">
          <xsl:with-param name="section">persons</xsl:with-param>
          <xsl:with-param name="entries" select="//cg:authority//tei:person[@xml:id]"/>
        </xsl:call-template>
        <xsl:call-template name="index-in-contents">
          <xsl:with-param name="section">places</xsl:with-param>
          <xsl:with-param name="entries" select="//cg:authority//tei:place[@xml:id]"/>
        </xsl:call-template>
        <xsl:call-template name="index-in-contents">
          <xsl:with-param name="section">orgs</xsl:with-param>
          <xsl:with-param name="entries" select="//cg:authority//tei:org[@xml:id]"/>
        </xsl:call-template>
      </table>
    </nav>
  </xsl:template>

  <xsl:template name="principles">
    <section class="principles" id="principles">
      <h1 class="matter"><xsl:call-template name="msg"><xsl:with-param name="key">nav.principles</xsl:with-param></xsl:call-template></h1>
      <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.order</xsl:with-param></xsl:call-template></p>
      <xsl:if test="$parallel = 'yes'">
        <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.parallel</xsl:with-param></xsl:call-template></p>
      </xsl:if>
      <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.reading</xsl:with-param></xsl:call-template></p>
      <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.footnotes</xsl:with-param></xsl:call-template></p>
      <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.type</xsl:with-param></xsl:call-template></p>
      <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.note</xsl:with-param></xsl:call-template></p>
      <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.brackets</xsl:with-param></xsl:call-template></p>
      <p><xsl:call-template name="msg-html"><xsl:with-param name="key">print.principles.layout</xsl:with-param></xsl:call-template></p>
    </section>
  </xsl:template>

  <!-- A document's heading (contents, running head): a cable as "No. 21340, Mao Zedong to
       Filippov [Stalin], June 30, 1951"; other correspondence with its type before;
       the other types by their type, participants (three at most; else the author) and
       date. -->
  <xsl:template name="heading-text">
    <!-- 'all': the whole heading; 'who': without its number and date (the contents set
         those in columns of their own); 'number', 'date': those alone -->
    <xsl:param name="part" select="'all'"/>
    <xsl:variable name="profile" select="tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="sent" select="$profile/tei:correspDesc/tei:correspAction[@type='sent']"/>
    <xsl:variable name="received" select="$profile/tei:correspDesc/tei:correspAction[@type='received']"/>
    <xsl:variable name="type"><xsl:call-template name="doc-type"/></xsl:variable>
    <xsl:variable name="by-sent" select="$type = 'cable' or $type = 'letter' or $type = 'report' or $type = 'decree'"/>
    <xsl:variable name="created" select="$profile/tei:creation/tei:date[1]"/>
    <xsl:variable name="date" select="$sent/tei:date[1][$by-sent or not($created)] | $created[not($by-sent) or not($sent/tei:date)]"/>
    <xsl:variable name="people" select="$profile/tei:particDesc//tei:person/tei:persName[1] | tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author[not($profile/tei:particDesc//tei:person)]"/>
    <xsl:choose>
      <xsl:when test="$part = 'number'"><xsl:value-of select="normalize-space($sent/tei:idno)"/></xsl:when>
      <xsl:when test="$part = 'date'"><xsl:call-template name="heading-date"><xsl:with-param name="date" select="$date"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
    <xsl:variable name="who">
    <xsl:if test="$type != 'cable'">
      <xsl:call-template name="type-label"><xsl:with-param name="type" select="$type"/></xsl:call-template>
      <xsl:text>, </xsl:text>
    </xsl:if>
    <!-- (a part the header does not give is left out with its comma: "Report, July 07,
         1949", not "Report, , July 07, 1949") -->
    <xsl:variable name="senders">
      <xsl:for-each select="$sent/tei:persName | $sent/tei:orgName"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="addressees">
      <xsl:for-each select="$received/tei:persName | $received/tei:orgName"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each>
      <xsl:for-each select="$received/tei:note"> [<xsl:value-of select="."/>]</xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="($sent/tei:persName or $sent/tei:orgName or $received) and ($by-sent or not($people))">
        <xsl:if test="$sent/tei:idno and $part = 'all'"><xsl:call-template name="msg"><xsl:with-param name="key">party.number</xsl:with-param><xsl:with-param name="p1" select="$sent/tei:idno"/></xsl:call-template>, </xsl:if>
        <xsl:value-of select="$senders"/>
        <xsl:if test="normalize-space($addressees)">
          <xsl:if test="normalize-space($senders)"><xsl:text> </xsl:text></xsl:if>
          <xsl:call-template name="msg"><xsl:with-param name="key">print.to</xsl:with-param><xsl:with-param name="p1" select="$addressees"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="normalize-space($senders) or normalize-space($addressees)">, </xsl:if>
      </xsl:when>
      <xsl:when test="$people">
        <!-- (three at most: a meeting of twenty is "…, and others", a heading stays a line) -->
        <xsl:for-each select="$people[position() &lt;= 3]"><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each>
        <xsl:if test="count($people) > 3"><xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">print.and-others</xsl:with-param></xsl:call-template></xsl:if>
        <xsl:text>, </xsl:text>
      </xsl:when>
    </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$part = 'all'">
        <xsl:value-of select="$who"/>
        <xsl:call-template name="heading-date"><xsl:with-param name="date" select="$date"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($who, string-length($who) - 1) = ', '"><xsl:value-of select="substring($who, 1, string-length($who) - 2)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$who"/></xsl:otherwise>
    </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="heading-date">
    <xsl:param name="date"/>
    <xsl:choose>
      <xsl:when test="$date"><xsl:value-of select="normalize-space($date)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">date.undated</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== a cable -->

  <xsl:template match="tei:TEI" mode="cable">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <section class="cable" id="{@xml:id}">
      <h1 class="cable-title">
        <span class="running"><xsl:call-template name="heading-text"/></span>
      </h1>
      <div class="source-note">
        <p class="cited-title"><xsl:apply-templates select="$header/tei:fileDesc/tei:titleStmt/tei:title" mode="plain"/></p>
        <xsl:call-template name="description"/>
        <xsl:for-each select="$header//tei:msContents/tei:msItem">
          <p><xsl:value-of select="tei:bibl[@type='cited']"/></p>
        </xsl:for-each>
        <xsl:for-each select="$header//tei:msDesc/tei:history/tei:provenance">
          <p class="provenance"><xsl:call-template name="msg"><xsl:with-param name="key">meta.provenance</xsl:with-param></xsl:call-template>: <xsl:apply-templates mode="print"/></p>
        </xsl:for-each>
        <xsl:for-each select="$header//tei:sourceDesc/tei:listBibl/tei:bibl">
          <p class="reprint"><xsl:call-template name="msg"><xsl:with-param name="key">print.reprinted-in</xsl:with-param></xsl:call-template><xsl:text> </xsl:text><xsl:apply-templates mode="print"/>.</p>
        </xsl:for-each>
        <xsl:if test="$header//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']">
          <p class="url"><xsl:value-of select="$header//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']"/></p>
        </xsl:if>
        <xsl:if test="$header//tei:respStmt[@xml:id='translator']">
          <p><xsl:variable name="translators"><xsl:call-template name="names"><xsl:with-param name="names" select="$header//tei:respStmt[@xml:id='translator']/tei:persName"/></xsl:call-template></xsl:variable><xsl:call-template name="msg"><xsl:with-param name="key">cite.translated-by</xsl:with-param><xsl:with-param name="p1" select="$translators"/></xsl:call-template>.</p>
        </xsl:if>
        <xsl:if test="$header/tei:profileDesc/tei:abstract">
          <xsl:for-each select="$header/tei:profileDesc/tei:abstract/tei:p"><p class="summary"><xsl:value-of select="."/></p></xsl:for-each>
        </xsl:if>
      </div>
      <xsl:variable name="original" select="tei:text/tei:body/tei:div[@cg:side = 'original']"/>
      <xsl:variable name="translation" select="tei:text/tei:body/tei:div[@cg:side = 'translation']"/>
      <xsl:choose>
        <xsl:when test="$original and $translation">
          <xsl:call-template name="facing">
            <xsl:with-param name="original" select="$original"/>
            <xsl:with-param name="translation" select="$translation"/>
          </xsl:call-template>
          <xsl:apply-templates select="tei:text/tei:body/tei:div[not(@cg:side)]" mode="print-version"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="tei:text/tei:body/tei:div" mode="print-version"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- A version, whole, under its heading. -->
  <xsl:template match="tei:div" mode="print-version">
    <section class="version {@type}" lang="{@xml:lang}">
      <h2 lang="{$ui-lang}"><xsl:call-template name="version-label"/></h2>
      <xsl:apply-templates select="*" mode="print-block"/>
    </section>
  </xsl:template>

  <xsl:template name="version-label">
    <xsl:choose>
      <xsl:when test="@subtype = 'scan'"><xsl:call-template name="msg"><xsl:with-param name="key">version.scan</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="@subtype = 'transcript'"><xsl:call-template name="msg"><xsl:with-param name="key">version.transcript</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="@type = 'translation'"><xsl:call-template name="msg"><xsl:with-param name="key">version.translation</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">version.original</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== facing versions

       The parallel print (render/facing.py marks the document): the original and its
       translation in two columns, a row for each group of linked blocks (the first lines
       of both sides level; a row may run on to the next page), the columns' headings
       repeated on every page. A cell sets its side's elements of the group in the
       containers they stand in (a quoted telegram's rule, an opener's type, a list). -->
  <xsl:template name="facing">
    <xsl:param name="original"/>
    <xsl:param name="translation"/>
    <xsl:variable name="doc" select="@xml:id"/>
    <table class="facing">
      <thead>
        <tr>
          <th class="side original" lang="{$ui-lang}"><xsl:for-each select="$original"><xsl:call-template name="version-label"/></xsl:for-each></th>
          <th class="side translation" lang="{$ui-lang}"><xsl:for-each select="$translation"><xsl:call-template name="version-label"/></xsl:for-each></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="($original | $translation)//*[@cg:group][generate-id() = generate-id(key('group', concat($doc, '|', @cg:group))[1])]">
          <xsl:sort select="@cg:group" data-type="number"/>
          <tr class="group{substring(' keep', 1, 5 * (@cg:keep = 'yes'))}">
            <td class="side original" lang="{$original/@xml:lang}">
              <xsl:apply-templates select="key('side-group', concat($doc, '|original|', @cg:group))" mode="facing"/>
            </td>
            <td class="side translation" lang="{$translation/@xml:lang}">
              <xsl:apply-templates select="key('side-group', concat($doc, '|translation|', @cg:group))" mode="facing"/>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- An element of a cell, inside the containers it stands in within its version (the
       outermost first: $level counts them). -->
  <xsl:template match="*" mode="facing">
    <xsl:param name="level" select="1"/>
    <xsl:variable name="chain" select="ancestor::*[self::tei:quote or self::tei:list or self::tei:opener or self::tei:closer or self::tei:div][ancestor::tei:div[@cg:side]]"/>
    <xsl:variable name="outer" select="$chain[$level]"/>
    <xsl:choose>
      <xsl:when test="not($outer)">
        <xsl:choose>
          <xsl:when test="parent::tei:opener or parent::tei:closer"><xsl:apply-templates select="." mode="print-furniture"/></xsl:when>
          <xsl:when test="self::tei:item"><xsl:apply-templates select="." mode="print-item"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="print-block"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$outer/self::tei:quote">
        <blockquote class="telegram {$outer/tei:floatingText/@type}">
          <xsl:if test="generate-id($outer/descendant::*[@cg:group][1]) = generate-id(.)">
            <xsl:apply-templates select="$outer" mode="quote-label"/>
          </xsl:if>
          <xsl:apply-templates select="." mode="facing"><xsl:with-param name="level" select="$level + 1"/></xsl:apply-templates>
        </blockquote>
      </xsl:when>
      <xsl:when test="$outer/self::tei:list and self::tei:item and generate-id(..) = generate-id($outer)">
        <ol><xsl:attribute name="class"><xsl:apply-templates select="$outer" mode="list-kind"/></xsl:attribute>
          <xsl:apply-templates select="." mode="facing"><xsl:with-param name="level" select="$level + 1"/></xsl:apply-templates>
        </ol>
      </xsl:when>
      <xsl:when test="$outer/self::tei:opener or $outer/self::tei:closer">
        <div class="{local-name($outer)}">
          <xsl:apply-templates select="." mode="facing"><xsl:with-param name="level" select="$level + 1"/></xsl:apply-templates>
        </div>
      </xsl:when>
      <xsl:when test="$outer/self::tei:div[@type = 'section']">
        <section class="section">
          <xsl:apply-templates select="." mode="facing"><xsl:with-param name="level" select="$level + 1"/></xsl:apply-templates>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="facing"><xsl:with-param name="level" select="$level + 1"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The description of the document in its source note: its type, date and place, author,
       participants, correspondents with their roles, later hands. A v1 document (no
       text/@type) is a cable: its heading says the rest. -->
  <xsl:template name="description">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="profile" select="$header/tei:profileDesc"/>
    <xsl:variable name="type"><xsl:call-template name="doc-type"/></xsl:variable>
    <p class="doctype">
      <xsl:call-template name="type-label"><xsl:with-param name="type" select="$type"/></xsl:call-template>
      <xsl:for-each select="$profile/tei:creation">
        <xsl:text>, </xsl:text>
        <xsl:for-each select="tei:placeName"><xsl:value-of select="normalize-space(.)"/>, </xsl:for-each>
        <xsl:for-each select="tei:date[1]"><xsl:call-template name="print-date"/></xsl:for-each>
      </xsl:for-each>
      <xsl:if test="not($profile/tei:creation/tei:date) and not($profile/tei:correspDesc/tei:correspAction[@type='sent']/tei:date)">, <xsl:call-template name="msg"><xsl:with-param name="key">date.undated</xsl:with-param></xsl:call-template></xsl:if>
      <xsl:text>.</xsl:text>
    </p>
    <xsl:if test="$header/tei:fileDesc/tei:titleStmt/tei:author">
      <p><xsl:call-template name="msg"><xsl:with-param name="key">meta.author</xsl:with-param></xsl:call-template>: <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:author"><xsl:if test="position() > 1">; </xsl:if><xsl:apply-templates mode="print"/></xsl:for-each>.</p>
    </xsl:if>
    <xsl:if test="$profile/tei:particDesc//tei:person">
      <p class="participants"><xsl:call-template name="msg"><xsl:with-param name="key">meta.participants</xsl:with-param></xsl:call-template>:
        <xsl:for-each select="$profile/tei:particDesc//tei:person">
          <xsl:if test="position() > 1">; </xsl:if>
          <xsl:apply-templates select="tei:persName[1]" mode="print"/>
          <xsl:for-each select="tei:occupation">, <xsl:apply-templates mode="print"/></xsl:for-each>
          <xsl:if test="@role"><xsl:text> (</xsl:text><xsl:call-template name="msg-or"><xsl:with-param name="key" select="concat('role.', @role)"/><xsl:with-param name="default" select="string(@role)"/></xsl:call-template><xsl:text>)</xsl:text></xsl:if>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
    <xsl:for-each select="$profile/tei:correspDesc/tei:correspAction[tei:persName or tei:orgName or tei:date]">
      <p class="party">
        <xsl:choose>
          <xsl:when test="@type = 'sent'"><xsl:call-template name="msg"><xsl:with-param name="key">meta.from</xsl:with-param></xsl:call-template>: </xsl:when>
          <xsl:when test="@type = 'received'"><xsl:call-template name="msg"><xsl:with-param name="key">meta.to</xsl:with-param></xsl:call-template>: </xsl:when>
          <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">meta.via</xsl:with-param></xsl:call-template>: </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="tei:persName | tei:orgName | tei:roleName | tei:note | tei:placeName | tei:date | tei:time">
          <xsl:choose>
            <xsl:when test="self::tei:roleName"><xsl:value-of select="concat(' (', normalize-space(.), ')')"/></xsl:when>
            <xsl:when test="self::tei:note"><xsl:value-of select="concat(' [', normalize-space(.), ']')"/></xsl:when>
            <xsl:when test="self::tei:date or self::tei:time">
              <xsl:if test="position() > 1">, </xsl:if><xsl:call-template name="print-date"/>
            </xsl:when>
            <xsl:otherwise><xsl:if test="position() > 1">, </xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:for-each>
    <xsl:if test="$profile/tei:handNotes/tei:handNote">
      <p class="hands"><xsl:call-template name="msg"><xsl:with-param name="key">meta.hands</xsl:with-param></xsl:call-template>: <xsl:for-each select="$profile/tei:handNotes/tei:handNote"><xsl:if test="position() > 1">; </xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each>.</p>
    </xsl:if>
  </xsl:template>

  <!-- A date of the header as written, with its normalised value where the words do not
       give it exactly. -->
  <xsl:template name="print-date">
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:if test="not((string-length(@when) = 10 or (self::tei:time and @when)) and not(@cert)) or not(normalize-space(.))">
      <xsl:if test="normalize-space(.)"><xsl:text> </xsl:text></xsl:if>
      <span class="normalised">(<xsl:call-template name="date-value"/>)</span>
    </xsl:if>
  </xsl:template>

  <!-- ======================================================== blocks -->

  <!-- The classes of a block: its own, and its alignment (@rend right or center). -->
  <xsl:template name="print-class">
    <xsl:param name="class"/>
    <xsl:variable name="all" select="normalize-space(concat($class, substring(concat(' rend-', @rend), 1, 99 * (@rend = 'right' or @rend = 'center'))))"/>
    <xsl:if test="$all"><xsl:attribute name="class"><xsl:value-of select="$all"/></xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer" mode="print-block">
    <div class="{local-name()}"><xsl:apply-templates select="*" mode="print-furniture"/></div>
  </xsl:template>
  <xsl:template match="tei:seg[tei:list]" mode="print-furniture">
    <xsl:if test="text()[normalize-space()] or *[not(self::tei:list)]"><p class="furniture {@type}"><xsl:apply-templates select="text() | *[not(self::tei:list)]" mode="print"/></p></xsl:if>
    <ul class="distribution"><xsl:for-each select="tei:list/tei:item"><li><xsl:apply-templates mode="print"/></li></xsl:for-each></ul>
  </xsl:template>
  <xsl:template match="tei:signed" mode="print-furniture">
    <p><xsl:call-template name="print-class"><xsl:with-param name="class">signed</xsl:with-param></xsl:call-template><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:note[@type='clerk']" mode="print-furniture">
    <p class="clerk"><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:stamp" mode="print-furniture">
    <p class="stamp-line"><xsl:apply-templates select="." mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:milestone" mode="print-furniture">
    <xsl:apply-templates select="." mode="print"/>
  </xsl:template>
  <xsl:template match="*" mode="print-furniture">
    <p><xsl:call-template name="print-class"><xsl:with-param name="class" select="concat('furniture ', local-name(), ' ', @type)"/></xsl:call-template><xsl:apply-templates select="." mode="print"/></p>
  </xsl:template>

  <xsl:template match="tei:p" mode="print-block">
    <p><xsl:call-template name="print-class"/><xsl:apply-templates mode="print"/></p>
  </xsl:template>

  <!-- Lists: numbered and lettered points (their number in the text, or @n), dashed and
       bulleted points, the participants under their label; a point may hold paragraphs
       and lists of its own. -->
  <xsl:template match="tei:list" mode="print-block">
    <xsl:apply-templates select="tei:head" mode="print-block"/>
    <ol><xsl:attribute name="class"><xsl:apply-templates select="." mode="list-kind"/></xsl:attribute>
      <xsl:apply-templates select="tei:item" mode="print-item"/>
    </ol>
  </xsl:template>
  <xsl:template match="tei:list" mode="list-kind">
    <xsl:choose>
      <xsl:when test="@type = 'participants' or @type = 'contents'"><xsl:value-of select="@type"/></xsl:when>
      <xsl:when test="@rend = 'dash' or @rend = 'bullet'"><xsl:value-of select="@rend"/></xsl:when>
      <xsl:otherwise>points</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:item" mode="print-item">
    <li>
      <xsl:if test="@n and not(starts-with(normalize-space(.), @n))">
        <xsl:attribute name="class">numbered</xsl:attribute>
        <span class="item-n">
          <xsl:value-of select="@n"/>
          <xsl:choose>
            <xsl:when test="translate(@n, '0123456789', '') = ''">.</xsl:when>
            <xsl:otherwise>)</xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="print-mixed"/>
    </li>
  </xsl:template>
  <xsl:template match="tei:list/tei:head" mode="print-block">
    <p class="list-head"><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:p | tei:list | tei:quote | tei:sp | tei:ab | tei:milestone | tei:div" mode="print-mixed">
    <xsl:apply-templates select="." mode="print-block"/>
  </xsl:template>
  <xsl:template match="node()" mode="print-mixed">
    <xsl:apply-templates select="." mode="print"/>
  </xsl:template>

  <!-- A turn of a script: the speaker run in at the head of its first paragraph; the
       speaker's points, omissions and sheet turns between its paragraphs as elsewhere. -->
  <xsl:template match="tei:sp" mode="print-block">
    <div class="sp">
      <xsl:if test="not(tei:p) or tei:list[not(preceding-sibling::tei:p)]"><p><span class="speaker"><xsl:apply-templates select="tei:speaker/node()" mode="print"/></span></p></xsl:if>
      <xsl:for-each select="*[not(self::tei:speaker)]">
        <xsl:choose>
          <xsl:when test="self::tei:p">
            <p>
              <xsl:if test="not(preceding-sibling::tei:p) and not(preceding-sibling::tei:list)"><span class="speaker"><xsl:apply-templates select="../tei:speaker/node()" mode="print"/></span><xsl:text> </xsl:text></xsl:if>
              <xsl:apply-templates mode="print"/>
            </p>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="print-block"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'section']" mode="print-block">
    <section class="section"><xsl:apply-templates select="*" mode="print-block"/></section>
  </xsl:template>
  <xsl:template match="tei:div/tei:head" mode="print-block">
    <h3><xsl:call-template name="print-class"><xsl:with-param name="class">head</xsl:with-param></xsl:call-template><xsl:apply-templates mode="print"/></h3>
  </xsl:template>
  <xsl:template match="tei:milestone" mode="print-block">
    <xsl:apply-templates select="." mode="print"/>
  </xsl:template>
  <xsl:template match="tei:ab" mode="print-block">
    <p class="stamp-line"><xsl:apply-templates mode="print"/></p>
  </xsl:template>
  <xsl:template match="tei:quote" mode="print-block">
    <blockquote class="telegram {tei:floatingText/@type}">
      <xsl:apply-templates select="." mode="quote-label"/>
      <xsl:apply-templates select="tei:floatingText/tei:body/*" mode="print-block"/>
    </blockquote>
  </xsl:template>
  <!-- A quoted letter or enclosure says what it is (a telegram needs no label). -->
  <xsl:template match="tei:quote" mode="quote-label">
    <xsl:variable name="type" select="tei:floatingText/@type"/>
    <xsl:if test="$type = 'letter' or $type = 'enclosure'">
      <p class="quote-label">
        <xsl:choose>
          <xsl:when test="$type = 'letter'"><xsl:call-template name="msg"><xsl:with-param name="key">quote.letter</xsl:with-param></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">quote.enclosure</xsl:with-param></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>
  <!-- A note standing between blocks is printed where it stands, in small type. -->
  <xsl:template match="tei:note[@type = 'editorial' or @type = 'translator']" mode="print-block">
    <p class="ed-note">
      <xsl:choose>
        <xsl:when test="@type = 'translator'">[Translator's note: </xsl:when>
        <xsl:otherwise>[Ed. note: </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="print"/>]</p>
  </xsl:template>
  <xsl:template match="tei:pb[@ed] | tei:fw | tei:lb" mode="print-block"/>
  <xsl:template match="*" mode="print-block">
    <p class="between"><xsl:apply-templates select="." mode="print"/></p>
  </xsl:template>

  <!-- ======================================================== inline: the apparatus -->

  <!-- The marked words stand in the text as rendered (a sheet turn, a line end, a name
       inside them keep their own rendering); the footnote repeats them as plain text. -->

  <!-- An intervention's footnote ($text); inside a note, which is a footnote itself, its
       $remark in brackets in the line instead (a footnote has no footnotes of its own). -->
  <xsl:template name="footnote">
    <xsl:param name="text"/>
    <xsl:param name="remark"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:note"><span class="ed"> [<xsl:value-of select="$remark"/>]</span></xsl:when>
      <xsl:otherwise><span class="footnote" id="fn-{generate-id()}"><xsl:value-of select="$text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="print">
    <xsl:apply-templates select="tei:sic/node()" mode="print"/>
    <xsl:call-template name="footnote">
      <xsl:with-param name="text" select="concat(tei:sic, '] sic; possibly ', tei:corr, substring(' [?]', 1, 4 * (tei:corr/@cert = 'low')))"/>
      <xsl:with-param name="remark" select="concat('sic; possibly ', tei:corr, substring('?', 1, number(tei:corr/@cert = 'low')))"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:sic" mode="print">
    <xsl:apply-templates mode="print"/>
    <xsl:call-template name="footnote"><xsl:with-param name="text" select="concat(., '] [sic]')"/><xsl:with-param name="remark" select="'sic'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:unclear" mode="print">
    <xsl:apply-templates mode="print"/>
    <xsl:variable name="what"><xsl:call-template name="msg"><xsl:with-param name="key">print.fn.unclear</xsl:with-param></xsl:call-template></xsl:variable>
    <xsl:call-template name="footnote"><xsl:with-param name="text" select="concat(., '] [?] ', $what)"/><xsl:with-param name="remark" select="'?'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="print">
    <xsl:apply-templates mode="print"/>
    <xsl:variable name="what"><xsl:call-template name="msg"><xsl:with-param name="key">print.fn.supplied</xsl:with-param></xsl:call-template></xsl:variable>
    <xsl:call-template name="footnote">
      <xsl:with-param name="text" select="concat('[', ., substring('?', 1, number(@cert = 'low')), '] ', $what)"/>
      <xsl:with-param name="remark" select="$what"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'identification']" mode="print">
    <xsl:variable name="what"><xsl:call-template name="msg"><xsl:with-param name="key">print.fn.identification</xsl:with-param></xsl:call-template></xsl:variable>
    <xsl:call-template name="footnote">
      <xsl:with-param name="text" select="concat('[', normalize-space(.), '] ', $what)"/>
      <xsl:with-param name="remark" select="normalize-space(.)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:choice[tei:abbr and tei:expan]" mode="print">
    <xsl:apply-templates select="tei:abbr/node()" mode="print"/>
    <xsl:variable name="resp"><xsl:call-template name="resp-name"><xsl:with-param name="resp" select="tei:expan/@resp"/></xsl:call-template></xsl:variable>
    <xsl:variable name="what"><xsl:call-template name="msg"><xsl:with-param name="key">print.fn.expansion</xsl:with-param><xsl:with-param name="p1" select="translate($resp, &quot;'&quot;, '’')"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="footnote">
      <xsl:with-param name="text" select="concat(normalize-space(tei:abbr), '] [', normalize-space(tei:expan), '] ', $what)"/>
      <xsl:with-param name="remark" select="normalize-space(tei:expan)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'original-wording']" mode="print" priority="2">
    <span class="footnote" id="fn-{generate-id()}">[<xsl:apply-templates mode="print"/>] <xsl:call-template name="msg"><xsl:with-param name="key">print.fn.original-wording</xsl:with-param></xsl:call-template></span>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'editorial'][@place = 'inline']" mode="print" priority="2">
    <span class="footnote" id="fn-{generate-id()}">[<xsl:apply-templates mode="print"/>] <xsl:call-template name="msg"><xsl:with-param name="key">print.fn.explanation</xsl:with-param></xsl:call-template></span>
  </xsl:template>
  <!-- The document's own footnote: its own mark, outside the apparatus' numbering. -->
  <xsl:template match="tei:note[@type = 'authorial']" mode="print" priority="2">
    <span class="footnote authorial" id="fn-{generate-id()}" data-n="{@n}"><xsl:apply-templates mode="print"/><xsl:if test="not(node())">[<xsl:call-template name="msg"><xsl:with-param name="key">print.fn.missing</xsl:with-param></xsl:call-template>]</xsl:if><xsl:text> </xsl:text><span class="fn-kind">(<xsl:call-template name="msg"><xsl:with-param name="key">print.fn.own</xsl:with-param></xsl:call-template>)</span></span>
  </xsl:template>
  <!-- A later hand, in the archive's bracket: [handwritten above: 328/ag] -->
  <xsl:template match="tei:add" mode="print">
    <span class="ed">[<xsl:call-template name="add-label"/>: </span><span class="added"><xsl:apply-templates mode="print"/></span><span class="ed">]</span>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'letterspaced']" mode="print">
    <span class="letterspaced"><xsl:apply-templates mode="print"/></span>
  </xsl:template>
  <xsl:template match="tei:foreign" mode="print">
    <i lang="{@xml:lang}"><xsl:apply-templates mode="print"/></i>
  </xsl:template>
  <xsl:template match="tei:milestone" mode="print">
    <span class="milestone"><xsl:value-of select="@rend"/></span>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'editorial' or @type = 'translator' or @place = 'foot']" mode="print">
    <span class="footnote" id="fn-{generate-id()}">
      <xsl:choose>
        <xsl:when test="@type = 'translator'">Translator's note: </xsl:when>
        <xsl:when test="@type = 'editorial'">Ed. note: </xsl:when>
      </xsl:choose>
      <xsl:apply-templates mode="print"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:gap" mode="print">
    <xsl:choose>
      <xsl:when test="@reason = 'signature' or @reason = 'illegible' or @reason = 'missing'"><span class="ed">[<xsl:value-of select="(tei:desc | self::*[not(tei:desc)]/@reason)[1]"/>]</span></xsl:when>
      <xsl:when test="@reason = 'truncated'"><span class="ed">[<xsl:call-template name="msg"><xsl:with-param name="key">gap.truncated</xsl:with-param></xsl:call-template>]</span></xsl:when>
      <xsl:otherwise><span class="ed">[...]</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:stamp" mode="print">
    <span class="stamp"><xsl:if test="@type"><span class="stamp-type"><xsl:call-template name="stamp-label"/>: </span></xsl:if><xsl:apply-templates mode="print"/></span>
  </xsl:template>
  <xsl:template match="tei:lb" mode="print">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:pb[not(@ed)]" mode="print">
    <span class="sheet"> ‖<xsl:value-of select="@n"/> </span>
  </xsl:template>
  <xsl:template match="tei:pb | tei:fw" mode="print"/>
  <!-- A name in a document's text is a mention for the index (data-ref: the entries it
       names), whose page the layout tells (render/print_index.py). -->
  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:orgName[@ref]" mode="print">
    <span class="name" id="m-{generate-id()}">
      <xsl:if test="ancestor::tei:text and not(ancestor::tei:corr)">
        <xsl:attribute name="data-ref"><xsl:value-of select="substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="print"/>
    </span>
  </xsl:template>
  <xsl:template match="text()" mode="print"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="*" mode="print"><xsl:apply-templates mode="print"/></xsl:template>

  <!-- An index in the contents: one of persons, places or organisations, when the text
       names any of its entries (as render/print_index.py makes them). Its page is given
       (data-page) when the contents is laid out again: the volume is laid out without it. -->
  <xsl:template name="index-in-contents">
    <xsl:param name="section"/>
    <xsl:param name="entries"/>
    <xsl:if test="$entries[key('mentions', @xml:id)[ancestor::tei:text]]">
      <tr class="part">
        <td class="number"/>
        <td class="heading" colspan="2"><a href="#index-{$section}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('print.index.', $section)"/></xsl:call-template></a></td>
        <td class="page"><a class="page" href="#index-{$section}" data-page=""/></td>
      </tr>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
