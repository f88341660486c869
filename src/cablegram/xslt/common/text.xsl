<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: TEI text -> HTML, used by the web edition (and the print edition).

  Mode "text" renders the content of a cable version. Every editorial intervention keeps
  the archive's bracket convention (Kaidzio [sic; possibly Kaesong][?], [signature], [...],
  Filippov [Stalin]) and carries an explanation ("popup"). Material that belongs to one
  view only is marked: class "dipl" (diplomatic: line and sheet breaks, hyphens, forme
  work, the source's reading) or "read" (reading: corrections, joined words).

  Parameters are documented in xslt/README.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei exsl">
  <xsl:import href="links.xsl"/>
  <xsl:import href="messages.xsl"/>

  <!-- ======================================================== ids and links -->

  <!-- The version a node belongs to: original-scan, original-transcript, translation. -->
  <xsl:template name="version-id">
    <xsl:param name="div" select="ancestor-or-self::tei:div[parent::tei:body/parent::tei:text/parent::tei:TEI][1]"/>
    <xsl:value-of select="$div/@type"/>
    <xsl:if test="$div/@subtype">
      <xsl:text>-</xsl:text>
      <xsl:value-of select="$div/@subtype"/>
    </xsl:if>
  </xsl:template>

  <!-- The anchor of a block (p, a point of a list other than a distribution list, ab,
       opener, closer, a part of an opener or closer, a turn of a script, a heading): its
       xml:id, the one the converter gives every block (encode/anchors.py) and the aligner
       links; a block without one (TEI written elsewhere, a paragraph inside a point) gets
       its version id, then its number in the version. Entity pages link to the same
       anchors: web/summary.xsl finds a name's block among the same elements (keep the two
       lists alike). -->
  <xsl:template name="block-id">
    <xsl:param name="block" select="."/>
    <xsl:for-each select="$block">
      <xsl:choose>
        <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="version-id"/>
          <xsl:text>-b</xsl:text>
          <xsl:number level="any"
                      count="tei:p|tei:item[parent::tei:list[not(@type='distribution')]]|tei:ab|tei:opener|tei:closer|tei:sp|tei:head"
                      from="tei:text/tei:body/tei:div"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The page of an authority entry from a name's @ref (authority/persons.xml#stalin ->
       person-stalin.html; web/entity.xsl makes it). -->
  <xsl:template name="entity-href">
    <xsl:param name="ref" select="@ref"/>
    <xsl:variable name="target" select="substring-before(concat(normalize-space($ref), ' '), ' ')"/>
    <xsl:variable name="file" select="substring-before($target, '#')"/>
    <xsl:choose>
      <xsl:when test="contains($file, 'persons')">person-</xsl:when>
      <xsl:when test="contains($file, 'places')">place-</xsl:when>
      <xsl:otherwise>org-</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="substring-after($target, '#')"/>
    <xsl:text>.html</xsl:text>
  </xsl:template>

  <!-- Plain text with the archive's brackets around identifications and supplied words
       (for titles: "Filippov [Stalin] to Zhou Enlai [via Roshchin]"). -->
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'identification']" mode="plain">
    <xsl:text> [</xsl:text><xsl:value-of select="normalize-space(.)"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="plain">
    <xsl:text>[</xsl:text><xsl:apply-templates mode="plain"/><xsl:if test="@cert = 'low'">?</xsl:if><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="text()" mode="plain">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- ======================================================== labels -->

  <!-- The document's type: text/@type; a v1 document has none and is a cable. -->
  <xsl:template name="doc-type">
    <xsl:param name="tei" select="ancestor-or-self::tei:TEI[1]"/>
    <xsl:choose>
      <xsl:when test="string($tei/tei:text/@type)"><xsl:value-of select="$tei/tei:text/@type"/></xsl:when>
      <xsl:otherwise>cable</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A reader's name for a document type (the metadata panel, the index, the volume). -->
  <xsl:template name="type-label">
    <xsl:param name="type"/>
    <xsl:choose>
      <xsl:when test="$type = 'cable'"><xsl:call-template name="msg"><xsl:with-param name="key">type.cable</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'letter'"><xsl:call-template name="msg"><xsl:with-param name="key">type.letter</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'report'"><xsl:call-template name="msg"><xsl:with-param name="key">type.report</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'memorandum'"><xsl:call-template name="msg"><xsl:with-param name="key">type.memorandum</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'telcon'"><xsl:call-template name="msg"><xsl:with-param name="key">type.telcon</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'minutes'"><xsl:call-template name="msg"><xsl:with-param name="key">type.minutes</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'journal'"><xsl:call-template name="msg"><xsl:with-param name="key">type.journal</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'decree'"><xsl:call-template name="msg"><xsl:with-param name="key">type.decree</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$type = 'statement'"><xsl:call-template name="msg"><xsl:with-param name="key">type.statement</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">type.other</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "5 ciphered telegrams", "1 record of conversation": how many of a type, in a sentence. -->
  <xsl:template name="type-count">
    <xsl:param name="type"/>
    <xsl:param name="count"/>
    <xsl:variable name="key" select="concat('count.', $type)"/>
    <xsl:call-template name="msg">
      <xsl:with-param name="key"><xsl:choose><xsl:when test="$messages/msg[@key = $key]"><xsl:value-of select="$key"/></xsl:when><xsl:otherwise>count.other</xsl:otherwise></xsl:choose></xsl:with-param>
      <xsl:with-param name="count" select="$count"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Who made an intervention, from its @resp. -->
  <xsl:template name="resp-name">
    <xsl:param name="resp" select="@resp"/>
    <xsl:choose>
      <xsl:when test="$resp = '#translator'"><xsl:call-template name="msg"><xsl:with-param name="key">resp.translator</xsl:with-param></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">resp.archive</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The normalised value of a date or time as a reader can check it against the words
       ("between 1951-07-14 and 1951-07-15, uncertain"). -->
  <xsl:template name="date-value">
    <xsl:param name="date" select="."/>
    <xsl:for-each select="$date">
      <xsl:choose>
        <xsl:when test="@when"><xsl:value-of select="@when"/></xsl:when>
        <xsl:when test="@from and @to"><xsl:call-template name="msg"><xsl:with-param name="key">date.span</xsl:with-param><xsl:with-param name="p1" select="@from"/><xsl:with-param name="p2" select="@to"/></xsl:call-template></xsl:when>
        <xsl:when test="@from"><xsl:call-template name="msg"><xsl:with-param name="key">date.from</xsl:with-param><xsl:with-param name="p1" select="@from"/></xsl:call-template></xsl:when>
        <xsl:when test="@notBefore and @notAfter"><xsl:call-template name="msg"><xsl:with-param name="key">date.between</xsl:with-param><xsl:with-param name="p1" select="@notBefore"/><xsl:with-param name="p2" select="@notAfter"/></xsl:call-template></xsl:when>
        <xsl:when test="@notBefore"><xsl:call-template name="msg"><xsl:with-param name="key">date.not-before</xsl:with-param><xsl:with-param name="p1" select="@notBefore"/></xsl:call-template></xsl:when>
        <xsl:when test="@notAfter"><xsl:call-template name="msg"><xsl:with-param name="key">date.not-after</xsl:with-param><xsl:with-param name="p1" select="@notAfter"/></xsl:call-template></xsl:when>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="@cert = 'low'">, <xsl:call-template name="msg"><xsl:with-param name="key">date.uncertain</xsl:with-param></xsl:call-template></xsl:when>
        <xsl:when test="@cert = 'medium'">, <xsl:call-template name="msg"><xsl:with-param name="key">date.probable</xsl:with-param></xsl:call-template></xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A date of the header as written, with its normalised value where the words alone
       do not give it exactly (a partial, bounded or doubtful date, or no words at all). -->
  <xsl:template name="date-shown">
    <xsl:param name="date" select="."/>
    <xsl:for-each select="$date">
      <xsl:variable name="exact" select="(string-length(@when) = 10 or (self::tei:time and @when)) and not(@cert)"/>
      <xsl:choose>
        <xsl:when test="@when">
          <time datetime="{@when}"><xsl:apply-templates mode="text"/></time>
        </xsl:when>
        <xsl:otherwise><span class="date"><xsl:apply-templates mode="text"/></span></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="not($exact) or not(normalize-space(.))">
        <xsl:if test="normalize-space(.)"><xsl:text> </xsl:text></xsl:if>
        <span class="normalised">(<xsl:call-template name="date-value"/>)</span>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- What a typed number is, for a tooltip. -->
  <xsl:template name="number-label">
    <xsl:param name="type" select="@type"/>
    <xsl:choose>
      <xsl:when test="$type = 'cable' or $type = 'copy' or $type = 'outgoing' or $type = 'incoming' or $type = 'special' or $type = 'issuing' or $type = 'registration' or $type = 'document'">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('number.', $type)"/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The hand of a later addition, as its handNote describes it ("handwritten, by
       Stalin"); looked up in the addition's own document (a volume holds many). -->
  <xsl:template name="hand-label">
    <xsl:variable name="note" select="ancestor::tei:TEI[1]/tei:teiHeader/tei:profileDesc/tei:handNotes/tei:handNote[@xml:id = substring-after(current()/@hand, '#')]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($note)"><xsl:value-of select="normalize-space($note)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">hand.added</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where a later addition stands, in the words of the archive's brackets. -->
  <xsl:template name="add-place">
    <xsl:choose>
      <xsl:when test="@place = 'above' or @place = 'below'"><xsl:value-of select="@place"/></xsl:when>
      <xsl:when test="@place = 'margin'">in the margin</xsl:when>
      <xsl:when test="@place = 'top' or @place = 'bottom'"><xsl:value-of select="concat('at the ', @place)"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The archive's bracket label of a later addition: "handwritten above",
       "handwritten, by Stalin, in the margin", "handwritten". -->
  <xsl:template name="add-label">
    <xsl:variable name="hand"><xsl:call-template name="hand-label"/></xsl:variable>
    <xsl:variable name="place"><xsl:call-template name="add-place"/></xsl:variable>
    <xsl:value-of select="$hand"/>
    <xsl:if test="string($place)">
      <xsl:if test="contains($hand, ',')">,</xsl:if>
      <xsl:value-of select="concat(' ', $place)"/>
    </xsl:if>
  </xsl:template>

  <!-- A stamp's kind: "incoming stamp"; a kind the catalogue does not name, with its type. -->
  <xsl:template name="stamp-label">
    <xsl:choose>
      <xsl:when test="@type">
        <xsl:call-template name="msg-or">
          <xsl:with-param name="key" select="concat('stamp.', @type)"/>
          <xsl:with-param name="default"><xsl:value-of select="concat(@type, ' ')"/><xsl:call-template name="msg"><xsl:with-param name="key">stamp</xsl:with-param></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">stamp</xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== popups -->

  <!-- An intervention: the marked text, then its explanation, reachable by keyboard. -->
  <xsl:template name="intervention">
    <xsl:param name="class"/>
    <xsl:param name="content"/>
    <xsl:param name="explanation"/>
    <span class="intervention {$class}" tabindex="0" role="button" aria-expanded="false"
          aria-describedby="pop-{generate-id()}">
      <xsl:apply-templates select="exsl:node-set($content)/node()" mode="inert"/>
      <span class="popup" role="tooltip" id="pop-{generate-id()}" lang="{$ui-lang}" data-pagefind-ignore="all">
        <xsl:value-of select="$explanation"/>
      </span>
    </span>
  </xsl:template>

  <!-- An intervention's content, whole but for its links: a link inside the intervention
       (a button: it opens the explanation) would be one control inside another, which a
       screen reader cannot reach (axe: nested-interactive). A name there stays a name, its
       entry linked from the side panel and the entity pages (data-link: where it would
       have led). -->
  <xsl:template match="@* | node()" mode="inert">
    <xsl:copy><xsl:apply-templates select="@* | node()" mode="inert"/></xsl:copy>
  </xsl:template>
  <xsl:template match="a" mode="inert">
    <span data-link="{@href}"><xsl:apply-templates select="@*[name() != 'href' and name() != 'rel'] | node()" mode="inert"/></span>
  </xsl:template>

  <!-- ======================================================== inline -->

  <xsl:template match="tei:lb" mode="text">
    <xsl:choose>
      <xsl:when test="@ed">
        <span class="lb-export dipl" aria-hidden="true"></span>
        <xsl:if test="not(@break = 'no')"><span class="read"><xsl:text> </xsl:text></span></xsl:if>
      </xsl:when>
      <!-- a word broken over the line: the search indexes it whole (согла-|шаться is
           соглашаться), as the reading view shows it -->
      <xsl:when test="@break = 'no'">
        <span class="dipl hyphen" data-pagefind-ignore="all">-<br/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="dipl"><br/></span>
        <span class="read"><xsl:text> </xsl:text></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:pb" mode="text">
    <span class="pb dipl" role="separator">
      <xsl:choose>
        <xsl:when test="@ed"><xsl:call-template name="msg"><xsl:with-param name="key">pb.pdf</xsl:with-param><xsl:with-param name="p1" select="@n"/></xsl:call-template></xsl:when>
        <xsl:when test="@n"><xsl:call-template name="msg"><xsl:with-param name="key">pb.sheet</xsl:with-param><xsl:with-param name="p1" select="@n"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">pb.break</xsl:with-param></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="tei:fw" mode="text">
    <span class="fw fw-{@type} dipl"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="text">
    <xsl:variable name="doubt"><xsl:if test="tei:corr/@cert = 'low'">[?]</xsl:if></xsl:variable>
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">correction</xsl:with-param>
      <xsl:with-param name="content">
        <span class="dipl sic"><xsl:apply-templates select="tei:sic/node()" mode="text"/></span>
        <xsl:text> </xsl:text>
        <span class="read corr"><xsl:apply-templates select="tei:corr/node()" mode="text"/></span>
        <span class="ed dipl"> [sic; possibly <xsl:value-of select="tei:corr"/>]<xsl:value-of select="$doubt"/></span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:call-template name="msg">
          <xsl:with-param name="key"><xsl:choose><xsl:when test="tei:corr/@cert = 'low'">explain.correction-uncertain</xsl:when><xsl:otherwise>explain.correction</xsl:otherwise></xsl:choose></xsl:with-param>
          <xsl:with-param name="p1" select="string(tei:sic)"/>
          <xsl:with-param name="p2" select="string(tei:corr)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sic" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">sic</xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates mode="text"/><span class="ed"> [sic]</span></xsl:with-param>
      <xsl:with-param name="explanation"><xsl:call-template name="msg"><xsl:with-param name="key">explain.sic</xsl:with-param></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">unclear</xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates mode="text"/><span class="ed"> [?]</span></xsl:with-param>
      <xsl:with-param name="explanation"><xsl:call-template name="msg"><xsl:with-param name="key">explain.unclear</xsl:with-param></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">supplied</xsl:with-param>
      <xsl:with-param name="content">
        <span class="ed">[</span><xsl:apply-templates mode="text"/><xsl:if test="@cert = 'low'"><span class="ed">?</span></xsl:if><span class="ed">]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:call-template name="msg"><xsl:with-param name="key"><xsl:choose><xsl:when test="@cert = 'low'">explain.supplied-uncertain</xsl:when><xsl:otherwise>explain.supplied</xsl:otherwise></xsl:choose></xsl:with-param></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'identification']" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">identification</xsl:with-param>
      <xsl:with-param name="content">
        <xsl:text> </xsl:text><span class="ed">[</span><xsl:apply-templates mode="text"/><span class="ed">]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:call-template name="msg"><xsl:with-param name="key">explain.identification</xsl:with-param><xsl:with-param name="p1" select="normalize-space(.)"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- VTsSPS [The All-Union Central Council of Trade Unions] -->
  <xsl:template match="tei:choice[tei:abbr and tei:expan]" mode="text">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">expansion</xsl:with-param>
      <xsl:with-param name="content">
        <abbr class="abbr"><xsl:apply-templates select="tei:abbr/node()" mode="text"/></abbr>
        <xsl:text> </xsl:text><span class="ed">[</span><span class="expan"><xsl:apply-templates select="tei:expan/node()" mode="text"/></span><span class="ed">]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:variable name="resp"><xsl:call-template name="resp-name"><xsl:with-param name="resp" select="tei:expan/@resp"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="msg"><xsl:with-param name="key">explain.expansion</xsl:with-param><xsl:with-param name="p1" select="$resp"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- district [oblast'] -->
  <xsl:template match="tei:note[@type = 'original-wording']" mode="text" priority="2">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">original-wording</xsl:with-param>
      <xsl:with-param name="content">
        <span class="ed">[</span><xsl:apply-templates mode="text"/><span class="ed">]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:variable name="resp"><xsl:call-template name="resp-name"/></xsl:variable>
        <xsl:call-template name="msg"><xsl:with-param name="key">explain.original-wording</xsl:with-param><xsl:with-param name="p1" select="$resp"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- [literally, "to take a walk"]: an explanation in the archive's bracket, no label -->
  <xsl:template match="tei:note[@type = 'editorial'][@place = 'inline']" mode="text" priority="2">
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">explanation</xsl:with-param>
      <xsl:with-param name="content">
        <span class="ed">[<xsl:apply-templates mode="text"/>]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:variable name="resp"><xsl:call-template name="resp-name"/></xsl:variable>
        <xsl:call-template name="msg"><xsl:with-param name="key">explain.explanation</xsl:with-param><xsl:with-param name="p1" select="$resp"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A later hand: [handwritten above: 328/ag] -->
  <xsl:template match="tei:add" mode="text">
    <xsl:variable name="label"><xsl:call-template name="add-label"/></xsl:variable>
    <xsl:variable name="place"><xsl:call-template name="add-place"/></xsl:variable>
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">add</xsl:with-param>
      <xsl:with-param name="content">
        <span class="ed">[<xsl:value-of select="$label"/>: </span><span class="added"><xsl:apply-templates mode="text"/></span><span class="ed">]</span>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:call-template name="msg"><xsl:with-param name="key">explain.add</xsl:with-param></xsl:call-template>
        <xsl:if test="@hand">
          <xsl:text> (</xsl:text><xsl:call-template name="hand-label"/><xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:if test="string($place)">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('explain.add-', @place)"/></xsl:call-template>
        </xsl:if>
        <xsl:call-template name="msg"><xsl:with-param name="key">explain.add-end</xsl:with-param></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A letter-spaced word (S H T Y K O V): spaced by the style sheet, one word in the text
       (so a search finds it). -->
  <xsl:template match="tei:hi[@rend = 'letterspaced']" mode="text">
    <span class="letterspaced"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="text">
    <i class="foreign" lang="{@xml:lang}"><xsl:apply-templates mode="text"/></i>
  </xsl:template>

  <!-- A separator or end mark: the characters as printed, centred. -->
  <xsl:template match="tei:milestone" mode="text">
    <span class="milestone {@unit}" role="separator">
      <xsl:attribute name="aria-label">
        <xsl:choose>
          <xsl:when test="@unit = 'end'"><xsl:call-template name="msg"><xsl:with-param name="key">milestone.end</xsl:with-param></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">milestone.section</xsl:with-param></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:value-of select="@rend"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'editorial' or @type = 'translator']" mode="text">
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="@type = 'translator'">Translator's note: </xsl:when>
        <xsl:otherwise>Ed. note: </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="note {@type}"><span class="ed">[<xsl:value-of select="$label"/></span><xsl:apply-templates mode="text"/><span class="ed">]</span></span>
  </xsl:template>

  <!-- A footnote's call: the document's own (authorial) with its own mark, the archive's
       in its bracket ([1]). -->
  <xsl:template match="tei:note[@place = 'foot']" mode="text" priority="1">
    <sup class="footnote-ref {@type}">
      <a href="#fn-{generate-id()}" id="fnref-{generate-id()}">
        <xsl:choose>
          <xsl:when test="@type = 'authorial'"><xsl:value-of select="@n"/></xsl:when>
          <xsl:otherwise>[<xsl:value-of select="@n"/>]</xsl:otherwise>
        </xsl:choose>
      </a>
    </sup>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'clerk']" mode="text">
    <div class="clerk" id="{generate-id()}"><xsl:apply-templates mode="text"/></div>
  </xsl:template>

  <xsl:template match="tei:gap" mode="text">
    <xsl:variable name="shown">
      <xsl:choose>
        <xsl:when test="(@reason = 'signature' or @reason = 'illegible' or @reason = 'missing') and tei:desc">[<xsl:value-of select="tei:desc"/>]</xsl:when>
        <xsl:when test="@reason = 'illegible'">[illegible]</xsl:when>
        <xsl:when test="@reason = 'missing'">[missing]</xsl:when>
        <xsl:when test="@reason = 'signature'">[signature]</xsl:when>
        <xsl:when test="@reason = 'truncated'">[<xsl:call-template name="msg"><xsl:with-param name="key">gap.truncated</xsl:with-param></xsl:call-template>]</xsl:when>
        <xsl:otherwise>[...]</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="intervention">
      <xsl:with-param name="class">gap gap-<xsl:value-of select="@reason"/></xsl:with-param>
      <xsl:with-param name="content"><span class="ed"><xsl:value-of select="$shown"/></span></xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="@reason = 'signature'"><xsl:call-template name="msg"><xsl:with-param name="key">explain.signature</xsl:with-param></xsl:call-template></xsl:when>
          <xsl:when test="@reason = 'illegible'"><xsl:call-template name="msg"><xsl:with-param name="key">explain.illegible</xsl:with-param></xsl:call-template></xsl:when>
          <xsl:when test="@reason = 'missing'"><xsl:call-template name="msg"><xsl:with-param name="key">explain.missing</xsl:with-param></xsl:call-template></xsl:when>
          <xsl:when test="@reason = 'truncated'"><xsl:call-template name="msg"><xsl:with-param name="key">explain.truncated</xsl:with-param></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="msg"><xsl:with-param name="key">explain.omitted</xsl:with-param></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A stamp, drawn as one; a typed stamp names its kind above its words. -->
  <xsl:template match="tei:stamp" mode="text">
    <span class="stamp">
      <xsl:if test="@type"><xsl:attribute name="class">stamp stamp-<xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="@type">
          <span class="sr-only">[</span><span class="stamp-type" lang="{$ui-lang}" data-pagefind-ignore="all"><xsl:call-template name="stamp-label"/></span><span class="sr-only">:</span><xsl:text> </xsl:text>
        </xsl:when>
        <xsl:otherwise><span class="sr-only">[<xsl:call-template name="msg"><xsl:with-param name="key">stamp</xsl:with-param></xsl:call-template>: </span></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="text"/><span class="sr-only">]</span></span>
  </xsl:template>

  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:orgName[@ref]" mode="text">
    <a class="name {local-name()}">
      <xsl:attribute name="href"><xsl:call-template name="entity-href"/></xsl:attribute>
      <xsl:apply-templates mode="text"/>
    </a>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:roleName" mode="text">
    <span class="name {local-name()}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <!-- A date or time: machine-readable where it is exact; a typed one (sent, received …),
       a partial, bounded or doubtful one says what it is and its value in a tooltip. -->
  <xsl:template match="tei:date | tei:time" mode="text">
    <xsl:variable name="tip">
      <xsl:if test="@type">
        <xsl:call-template name="msg-or"><xsl:with-param name="key" select="concat('date-type.', @type)"/><xsl:with-param name="default" select="string(@type)"/></xsl:call-template>
        <xsl:text>: </xsl:text>
      </xsl:if>
      <xsl:call-template name="date-value"/>
    </xsl:variable>
    <xsl:variable name="plain" select="not(@type) and not(@cert) and (string-length(@when) = 10 or (self::tei:time and @when) or normalize-space(.) = @when)"/>
    <xsl:choose>
      <xsl:when test="@when">
        <time datetime="{@when}">
          <xsl:if test="@type"><xsl:attribute name="class"><xsl:value-of select="@type"/></xsl:attribute></xsl:if>
          <xsl:if test="not($plain)"><xsl:attribute name="title"><xsl:value-of select="$tip"/></xsl:attribute></xsl:if>
          <xsl:apply-templates mode="text"/>
        </time>
      </xsl:when>
      <xsl:when test="@from or @notBefore or @notAfter or @type">
        <span class="date {@type}" title="{$tip}"><xsl:apply-templates mode="text"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:idno | tei:num" mode="text">
    <xsl:variable name="label"><xsl:call-template name="number-label"/></xsl:variable>
    <span class="number {@type}">
      <xsl:if test="string($label)"><xsl:attribute name="title"><xsl:value-of select="$label"/></xsl:attribute></xsl:if>
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:ref[@target]" mode="text">
    <xsl:call-template name="web-link">
      <xsl:with-param name="url" select="@target"/>
      <xsl:with-param name="label"><xsl:apply-templates mode="text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>


  <xsl:template match="text()" mode="text">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Any element without a template of its own keeps its text. -->
  <xsl:template match="*" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <!-- ======================================================== footnotes -->

  <!-- The footnotes of a version, at its foot: the document's own (authorial), then the
       archive's; each keeps its mark ("1", "*", "x/") and links back to its call. -->
  <xsl:template name="footnotes">
    <xsl:param name="scope" select="."/>
    <xsl:variable name="own" select="$scope//tei:note[@place = 'foot'][@type = 'authorial']"/>
    <xsl:variable name="archive" select="$scope//tei:note[@place = 'foot'][not(@type = 'authorial')]"/>
    <xsl:if test="$own">
      <aside class="footnotes authorial" aria-labelledby="fnh-{generate-id($own[1])}">
        <h3 id="fnh-{generate-id($own[1])}" lang="{$ui-lang}" data-pagefind-ignore="all"><xsl:call-template name="msg"><xsl:with-param name="key">footnotes.own</xsl:with-param></xsl:call-template></h3>
        <xsl:call-template name="footnote-list"><xsl:with-param name="notes" select="$own"/></xsl:call-template>
      </aside>
    </xsl:if>
    <xsl:if test="$archive">
      <xsl:variable name="label"><xsl:call-template name="msg"><xsl:with-param name="key">footnotes.label</xsl:with-param></xsl:call-template></xsl:variable>
      <aside class="footnotes" aria-label="{$label}">
        <xsl:call-template name="footnote-list"><xsl:with-param name="notes" select="$archive"/></xsl:call-template>
      </aside>
    </xsl:if>
  </xsl:template>

  <xsl:template name="footnote-list">
    <xsl:param name="notes"/>
    <xsl:variable name="back"><xsl:call-template name="msg"><xsl:with-param name="key">footnote.back</xsl:with-param></xsl:call-template></xsl:variable>
    <ol>
      <xsl:for-each select="$notes">
        <li id="fn-{generate-id()}">
          <xsl:choose>
            <xsl:when test="string(number(@n)) != 'NaN'"><xsl:attribute name="value"><xsl:value-of select="@n"/></xsl:attribute></xsl:when>
            <xsl:otherwise><xsl:attribute name="data-mark"><xsl:value-of select="@n"/></xsl:attribute></xsl:otherwise>
          </xsl:choose>
          <xsl:apply-templates mode="text"/>
          <!-- a call whose footnote the export does not give (the note is empty) -->
          <xsl:if test="not(node())"><span class="ed">[<xsl:call-template name="msg"><xsl:with-param name="key">footnote.missing</xsl:with-param></xsl:call-template>]</span></xsl:if>
          <xsl:text> </xsl:text>
          <a href="#fnref-{generate-id()}" aria-label="{$back}">↩</a>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>
  <!-- Names in running text: "A", "A and B", "A, B and C". -->
  <xsl:template name="names">
    <xsl:param name="names"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() > 1">
        <xsl:choose>
          <xsl:when test="position() = last()"><xsl:text> </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key">names.and</xsl:with-param></xsl:call-template><xsl:text> </xsl:text></xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>
  <!-- A preferred English name as an index gives it: "Stalin, Joseph"; a name whose
       surname comes first ("Mao Zedong") or that has none marked as it is. -->
  <xsl:template name="index-name">
    <xsl:variable name="name" select="*[@type='preferred'][@xml:lang='en']"/>
    <xsl:choose>
      <xsl:when test="$name/tei:surname and $name/tei:forename and $name/tei:forename[following-sibling::tei:surname]">
        <xsl:value-of select="concat($name/tei:surname, ', ', normalize-space($name/tei:forename))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
