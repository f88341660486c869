<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's context (issue 18), included by web/cable.xsl: the side panel of the
     persons, places and organisations it names, identified from the authority files; the
     day a reader cites it; and its citation's metadata in the head, for Zotero, Google
     Scholar and other harvesters (Highwire's citation_* tags and Dublin Core).

     The entries come with the document: render/web.py appends to the TEI it transforms a
     cg:context holding a copy of each entry it names, once, in the order of its first
     mention (the sender and the addressee first, then the text). The panel keeps that
     order within each kind: a reader meets the names as the document does. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:cg="urn:cablegram:site"
    exclude-result-prefixes="tei cg">

  <!-- 'yes': the build prints, and its print step puts this document's PDF at
       pdf/<id>.pdf in the site (build/steps.py) -->
  <xsl:param name="pdf" select="''"/>

  <xsl:variable name="context" select="/tei:TEI/cg:context/*"/>
  <!-- this page's address, when the edition says where it lives ([edition] base_url) -->
  <xsl:variable name="page-url"><xsl:if test="$edition-base-url != ''"><xsl:value-of select="concat($edition-base-url, $id, '.html')"/></xsl:if></xsl:variable>
  <xsl:variable name="pdf-href" select="concat('pdf/', $id, '.pdf')"/>

  <!-- ======================================================== the side panel -->

  <xsl:template name="context-panel">
    <xsl:if test="$context">
      <!-- open; on a narrow screen, where it stands between the metadata and the text,
           edition.js closes it (its heading opens it) -->
      <aside class="context" aria-labelledby="context-h" data-pagefind-ignore="all">
        <details open="open">
          <summary><h2 id="context-h"><xsl:call-template name="msg"><xsl:with-param name="key">context.heading</xsl:with-param></xsl:call-template></h2></summary>
          <xsl:call-template name="context-kind"><xsl:with-param name="entries" select="$context[self::tei:person]"/><xsl:with-param name="heading"><xsl:call-template name="msg"><xsl:with-param name="key">nav.persons</xsl:with-param></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="context-kind"><xsl:with-param name="entries" select="$context[self::tei:place]"/><xsl:with-param name="heading"><xsl:call-template name="msg"><xsl:with-param name="key">nav.places</xsl:with-param></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="context-kind"><xsl:with-param name="entries" select="$context[self::tei:org]"/><xsl:with-param name="heading"><xsl:call-template name="msg"><xsl:with-param name="key">nav.orgs</xsl:with-param></xsl:call-template></xsl:with-param></xsl:call-template>
        </details>
      </aside>
    </xsl:if>
  </xsl:template>

  <xsl:template name="context-kind">
    <xsl:param name="entries"/>
    <xsl:param name="heading"/>
    <xsl:if test="$entries">
      <h3><xsl:value-of select="$heading"/></h3>
      <ul class="context-{local-name($entries[1])}">
        <xsl:apply-templates select="$entries" mode="context"/>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- An entry: its preferred name in the interface's language (English, or its first
       name, when the entry has none in it), linked to its page; a person's dates and
       office, a place's coordinates; the authority's note. -->
  <xsl:template match="tei:person | tei:place | tei:org" mode="context">
    <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName"/>
    <xsl:variable name="own" select="$names[@type = 'preferred'][@xml:lang = $ui-lang]"/>
    <xsl:variable name="english" select="$names[@type = 'preferred'][@xml:lang = 'en']"/>
    <xsl:variable name="name" select="($own | $english[not($own)] | $names[1][not($own or $english)])[1]"/>
    <xsl:variable name="lang" select="string(@xml:lang)"/>
    <li data-entry="{@xml:id}">
      <a class="context-name" href="{local-name()}-{@xml:id}.html">
        <xsl:if test="$name/@xml:lang != $ui-lang"><xsl:attribute name="lang"><xsl:value-of select="$name/@xml:lang"/></xsl:attribute></xsl:if>
        <xsl:value-of select="normalize-space($name)"/>
      </a>
      <xsl:call-template name="life-dates"/>
      <xsl:for-each select="tei:occupation[1]">
        <xsl:text> </xsl:text><span class="context-role" lang="{$lang}"><xsl:value-of select="normalize-space(.)"/></span>
      </xsl:for-each>
      <xsl:for-each select="tei:location/tei:geo[1]">
        <xsl:text> </xsl:text><span class="context-geo"><xsl:call-template name="coordinates"/></span>
      </xsl:for-each>
      <xsl:for-each select="tei:note[1]">
        <xsl:text> </xsl:text><span class="context-note" lang="{$lang}"><xsl:value-of select="normalize-space(.)"/></span>
      </xsl:for-each>
    </li>
  </xsl:template>

  <!-- A person's years: (1878–1953), (b. 1878), (d. 1953); from @when (or @notBefore,
       @notAfter), else the element's text. -->
  <xsl:template name="life-dates">
    <xsl:variable name="born"><xsl:apply-templates select="tei:birth[1]" mode="year"/></xsl:variable>
    <xsl:variable name="died"><xsl:apply-templates select="tei:death[1]" mode="year"/></xsl:variable>
    <xsl:if test="$born != '' or $died != ''">
      <xsl:text> </xsl:text>
      <span class="context-dates">
        <xsl:text>(</xsl:text>
        <xsl:choose>
          <xsl:when test="$born != '' and $died != ''"><xsl:value-of select="concat($born, '–', $died)"/></xsl:when>
          <xsl:when test="$born != ''"><xsl:call-template name="msg"><xsl:with-param name="key">context.born</xsl:with-param><xsl:with-param name="p1" select="$born"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">context.died</xsl:with-param><xsl:with-param name="p1" select="$died"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>)</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:birth | tei:death" mode="year">
    <xsl:variable name="when" select="(@when | @notBefore | @notAfter)[1]"/>
    <xsl:choose>
      <xsl:when test="$when"><xsl:value-of select="substring($when, 1, 4 + starts-with($when, '-'))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "37.97 126.55" (TEI geo: latitude, longitude) as 37.97° N, 126.55° E -->
  <xsl:template name="coordinates">
    <xsl:variable name="geo" select="normalize-space(.)"/>
    <xsl:variable name="lat" select="substring-before($geo, ' ')"/>
    <xsl:variable name="long" select="substring-after($geo, ' ')"/>
    <xsl:choose>
      <xsl:when test="string(number($lat)) != 'NaN' and string(number($long)) != 'NaN'">
        <xsl:value-of select="translate($lat, '-', '')"/>° <xsl:value-of select="substring('NS', 1 + starts-with($lat, '-'), 1)"/>
        <xsl:text>, </xsl:text>
        <xsl:value-of select="translate($long, '-', '')"/>° <xsl:value-of select="substring('EW', 1 + starts-with($long, '-'), 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$geo"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== the day of access -->

  <!-- ", accessed 6 December 2026": the day the reader reads the page, written by
       assets/edition.js in the interface's language. Not the day of the build: a page is
       made again only when what it shows changed (and the same input makes the same
       page), so a build's day would be a date of no one's reading, and a citation copied
       with it would be wrong. Without JavaScript the citation goes without it. -->
  <xsl:template name="accessed">
    <xsl:variable name="words"><xsl:call-template name="msg"><xsl:with-param name="key">cite.accessed</xsl:with-param><xsl:with-param name="p1">{1}</xsl:with-param></xsl:call-template></xsl:variable>
    <span class="accessed" hidden="hidden" data-template="{$words}"></span>
  </xsl:template>

  <!-- ======================================================== the head -->

  <!-- What Zotero's Embedded Metadata translator and Google Scholar read: the Highwire
       citation_* tags (the page is the document's full text: citation_fulltext_html_url
       and citation_public_url, with an edition's address), and Dublin Core. Every value
       is the TEI header's (the edition's address and PDF aside). -->
  <xsl:template name="citation-meta">
    <xsl:variable name="corresp" select="$header/tei:profileDesc/tei:correspDesc"/>
    <xsl:variable name="creators" select="$corresp/tei:correspAction[@type = 'sent']/tei:persName | $corresp/tei:correspAction[@type = 'sent']/tei:orgName | $header/tei:fileDesc/tei:titleStmt/tei:author"/>
    <xsl:variable name="date">
      <xsl:choose>
        <xsl:when test="$doc-date/@when"><xsl:value-of select="$doc-date/@when"/></xsl:when>
        <xsl:when test="$doc-date/@from"><xsl:value-of select="$doc-date/@from"/></xsl:when>
        <xsl:when test="$doc-date/@notBefore"><xsl:value-of select="$doc-date/@notBefore"/></xsl:when>
        <xsl:when test="$doc-date/@notAfter"><xsl:value-of select="$doc-date/@notAfter"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($doc-date)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="own-publisher" select="normalize-space($header/tei:fileDesc/tei:publicationStmt/tei:publisher)"/>
    <xsl:variable name="publisher">
      <xsl:choose>
        <xsl:when test="$own-publisher != ''"><xsl:value-of select="$own-publisher"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($header/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:publisher)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="archive-url" select="normalize-space($header/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:idno[@type = 'URL'])"/>
    <xsl:variable name="languages" select="/tei:TEI/tei:text/tei:body/tei:div[not(@xml:lang = preceding-sibling::tei:div/@xml:lang)]/@xml:lang"/>
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="$creators"><meta name="citation_author" content="{normalize-space(.)}"/></xsl:for-each>
    <xsl:if test="$date != ''"><meta name="citation_date" content="{$date}"/></xsl:if>
    <xsl:if test="$publisher != ''"><meta name="citation_publisher" content="{$publisher}"/></xsl:if>
    <xsl:for-each select="$languages"><meta name="citation_language" content="{.}"/></xsl:for-each>
    <xsl:if test="$page-url != ''">
      <meta name="citation_public_url" content="{$page-url}"/>
      <meta name="citation_fulltext_html_url" content="{$page-url}"/>
    </xsl:if>
    <xsl:if test="$pdf = 'yes'"><meta name="citation_pdf_url" content="{$edition-base-url}{$pdf-href}"/></xsl:if>
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <meta name="DC.title" content="{$title}"/>
    <xsl:for-each select="$creators"><meta name="DC.creator" content="{normalize-space(.)}"/></xsl:for-each>
    <xsl:if test="$date != ''"><meta name="DC.date" content="{$date}"/></xsl:if>
    <meta name="DC.type" content="Text"/>
    <xsl:for-each select="$languages"><meta name="DC.language" content="{.}"/></xsl:for-each>
    <xsl:if test="$publisher != ''"><meta name="DC.publisher" content="{$publisher}"/></xsl:if>
    <meta name="DC.identifier" content="{$id}"/>
    <xsl:if test="$page-url != ''"><meta name="DC.identifier" content="{$page-url}"/></xsl:if>
    <xsl:if test="$archive-url != ''"><meta name="DC.source" content="{$archive-url}"/></xsl:if>
    <meta name="DC.relation.isPartOf" content="{$edition-title}"/>
  </xsl:template>
</xsl:stylesheet>
