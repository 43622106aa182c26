"""Spanish translation of the demo course on VAWA self-petitions (courses/demo_content.py).

Same structure, citations, answer keys and codes as the English spec; only the prose is translated.
"""

from .demo_content import LAW_AS_OF, p

COURSES_ES = [
    # ------------------------------------------------------------------ VAWA (es)
    {
        "slug": "autopeticiones-vawa",
        "language": "es",
        "translation_of": "vawa-self-petitions",
        "check_heading": "Compruebe lo que ha aprendido",
        "affirmation_text": (
            "Afirmo que completé personalmente este curso, que vi y leí sus lecciones en su totalidad y que "
            "introduje yo mismo o yo misma cada código de asistencia en el momento en que apareció."
        ),
        "title": "Autopeticiones al amparo de VAWA",
        "summary": (
            "La autopetición conforme a la Ley de Violencia contra la Mujer (VAWA) para cónyuges, hijos y padres "
            "de ciudadanos estadounidenses y residentes permanentes legales abusivos: elegibilidad, pruebas, "
            "confidencialidad y ajuste de estatus."
        ),
        "objectives": [
            "Identificar quién puede presentar una autopetición y las reglas sobre la relación que da derecho a "
            "ella, incluidas las reglas de los dos años.",
            "Documentar la agresión física o la crueldad extrema, el matrimonio contraído de buena fe, la "
            "residencia en común y la buena conducta moral.",
            "Aplicar las protecciones del 8 U.S.C. § 1367 y planificar el ajuste de estatus.",
        ],
        "relief_types": ["vawa", "adjustment"],
        "ny_category": "app",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": "Wei Chen, abogado de planta y mentor (profesorado de demostración)",
        "faculty": [
            (
                "Wei Chen",
                "Abogado de planta y mentor",
                "Presenta autopeticiones VAWA y exenciones para cónyuges maltratados, y supervisa a abogados "
                "voluntarios.",
            )
        ],
        "lessons": [
            {
                "slug": "quien-puede-autopeticionar",
                "title": "Quién puede presentar una autopetición",
                "codes": [4],
                "blocks": [
                    (
                        "text",
                        p(
                            "VAWA permite que una sobreviviente presente una petición en su propio favor mediante "
                            "el formulario I-360, sin que el agresor lo sepa ni coopere. Puede presentar una "
                            "autopetición el cónyuge de un ciudadano estadounidense abusivo (INA "
                            "§ 204(a)(1)(A)(iii)) o de un residente permanente legal abusivo (INA "
                            "§ 204(a)(1)(B)(ii)), así como el hijo o la hija de un ciudadano o residente abusivo "
                            "(INA § 204(a)(1)(A)(iv), (B)(iii)) y el padre o la madre maltratados por un hijo o una "
                            "hija ciudadanos estadounidenses (INA § 204(a)(1)(A)(vii)); el padre o la madre debe "
                            "reunir los requisitos de familiar inmediato, por lo que el hijo o la hija debe tener "
                            "al menos 21 años.",
                            "La cónyuge que presenta la autopetición debe demostrar una relación que da derecho a "
                            "ella, un matrimonio contraído de buena fe, que residió con el agresor, que ella o su "
                            "hijo sufrieron agresión física o crueldad extrema por parte del agresor durante el "
                            "matrimonio, y buena conducta moral. Un matrimonio bígamo que la peticionaria creía "
                            "válido puede reunir los requisitos. Contraer un nuevo matrimonio antes de que se "
                            "resuelva la petición es causa de denegación (8 C.F.R. § 204.2(c)(1)(ii)).",
                            "Las reglas de los dos años varían según el estatus del agresor. Cuando el agresor es "
                            "ciudadano estadounidense, quien haya sido su cónyuge de buena fe en los últimos dos "
                            "años aún puede presentar una autopetición si él falleció en los últimos dos años, si "
                            "perdió o renunció a la ciudadanía en los últimos dos años en relación con un incidente "
                            "de violencia doméstica, o si el matrimonio se disolvió legalmente en los últimos dos "
                            "años de una manera relacionada con la agresión física o la crueldad extrema (INA "
                            "§ 204(a)(1)(A)(iii)(II)(aa)(CC)). Cuando el agresor es residente permanente, la ley "
                            "prevé solamente dos vías: que el cónyuge haya perdido su estatus en los últimos dos "
                            "años debido a un incidente de violencia doméstica, o que el matrimonio se haya "
                            "disuelto legalmente en los últimos dos años en relación con la agresión física o la "
                            "crueldad extrema (INA § 204(a)(1)(B)(ii)(II)(aa)(CC)). No existe una regla por "
                            "fallecimiento del agresor para los cónyuges de residentes permanentes; busque otras "
                            "formas de alivio migratorio.",
                            "La crueldad extrema no requiere violencia física. Las amenazas, el aislamiento, el "
                            "control económico, el contacto sexual forzado, las amenazas de quitarle a los hijos o "
                            "de hacer que la deporten y otras formas de control coercitivo cuentan todas, y el "
                            "patrón de conducta importa más que cualquier incidente aislado (8 C.F.R. "
                            "§ 204.2(c)(1)(vi)).",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "¿Qué agresores pueden dar lugar a una autopetición VAWA presentada por un cónyuge?",
                                [
                                    "Un cónyuge ciudadano estadounidense",
                                    "Un cónyuge residente permanente legal",
                                    "Un cónyuge indocumentado",
                                ],
                                {0, 1},
                                "El agresor debe ser ciudadano estadounidense o residente permanente legal (o "
                                "haber perdido ese estatus dentro del plazo legal de dos años).",
                            ),
                            (
                                "El esposo de la clienta, residente permanente, perdió su estatus hace 18 meses "
                                "tras una condena por violencia doméstica. ¿Puede ella todavía presentar una "
                                "autopetición?",
                                [
                                    "No: él ya no es residente permanente",
                                    "Sí: dentro de los dos años siguientes a la pérdida de su estatus debido a un "
                                    "incidente de violencia doméstica",
                                ],
                                {1},
                                "INA § 204(a)(1)(B)(ii)(II)(aa)(CC): el cónyuge perdió su estatus en los últimos "
                                "dos años debido a un incidente de violencia doméstica.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "pruebas-vawa",
                "title": "Las pruebas y la declaración",
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "El USCIS debe considerar cualquier prueba creíble (INA § 204(a)(1)(J); 8 C.F.R. "
                            "§ 204.2(c)(2)(i)). Los informes policiales y las órdenes de protección ayudan, pero no "
                            "son obligatorios. Las declaraciones juradas de amistades, miembros del clero, personal "
                            "de albergues y consejeros, los expedientes médicos, las fotografías y los mensajes del "
                            "agresor pueden probar el abuso. Los contratos de arrendamiento conjuntos, los estados "
                            "de cuenta bancarios, las fotografías tomadas a lo largo del tiempo y las actas de "
                            "nacimiento de los hijos demuestran un matrimonio de buena fe y la residencia en común "
                            "(8 C.F.R. § 204.2(c)(2)(iii)–(iv), (vii)).",
                            "La buena conducta moral suele demostrarse con la declaración jurada de la clienta y "
                            "con certificados de antecedentes policiales o verificaciones de antecedentes penales "
                            "de cada lugar donde haya vivido seis meses o más durante los tres años anteriores a la "
                            "presentación (8 C.F.R. § 204.2(c)(2)(v)). Un acto o una condena que de otro modo "
                            "impediría establecer la buena conducta moral no lo impide si admite una exención a "
                            "efectos de admisibilidad o deportabilidad y estuvo relacionado con el abuso (INA "
                            "§ 204(a)(1)(C)); explique esa relación con cuidado.",
                            "La declaración debe contar su historia con sus propias palabras: cómo se conocieron, "
                            "por qué se casó, cómo comenzó el abuso y cómo se agravó, los peores incidentes, cómo "
                            "la afectó a ella y a los hijos, y por qué se quedó o se fue. Evite las conclusiones; "
                            "exponga los hechos que demuestran la crueldad extrema.",
                            "Cuente con recibir una solicitud de pruebas adicionales si el expediente es escaso en "
                            "cualquiera de los elementos, y prepárese para ello desde el principio: lleve una lista "
                            "de verificación que vincule cada anexo con el elemento que prueba, explique en una "
                            "carta de presentación por qué faltan pruebas que parecerían evidentes — un acta de "
                            "matrimonio, el certificado de naturalización del agresor — (con frecuencia el agresor "
                            "controla esos documentos), y pida al USCIS que busque en sus propios registros el "
                            "estatus del agresor. El USCIS puede verificar en sus archivos la ciudadanía o la "
                            "residencia del agresor cuando usted le proporcione su nombre, su fecha de nacimiento "
                            "y cualquier número A que conozca.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "practice",
                            "Determinación de caso prima facie",
                            p(
                                "Cuando una autopetición completa sustenta todos los elementos, el USCIS emite un "
                                "Aviso de Caso Prima Facie (Notice of Prima Facie Case), válido hasta que se "
                                "resuelva la petición, a efectos de los beneficios públicos previstos en el "
                                "8 U.S.C. § 1641 (8 C.F.R. § 204.2(c)(6)). La Pub. L. 119-21 modificó en 2025 la "
                                "elegibilidad para varios programas federales de beneficios, por lo que debe "
                                "verificar las normas vigentes de cada programa antes de decirle a una clienta a "
                                "qué le dará acceso el aviso. Presente la petición lo más completa posible para "
                                "que el aviso llegue pronto."
                            ),
                        ),
                    ),
                ],
            },
            {
                "slug": "confidencialidad-y-ajuste",
                "title": "Confidencialidad (8 U.S.C. § 1367), ética profesional y ajuste de estatus",
                "ethics": True,
                "codes": [2],
                "blocks": [
                    (
                        "text",
                        p(
                            "La sección 1367 prohíbe al Departamento de Seguridad Nacional (DHS), al Departamento "
                            "de Justicia y al Departamento de Estado divulgar información sobre una persona "
                            "solicitante de VAWA, de la visa T o de la visa U a nadie que no sean sus propios "
                            "funcionarios juramentados con fines legítimos, con sujeción a las excepciones "
                            "limitadas del § 1367(b), así como adoptar una determinación desfavorable de "
                            "admisibilidad o deportabilidad basada en información proporcionada únicamente por el "
                            "agresor o por un miembro de su hogar (8 U.S.C. § 1367(a)). Es habitual que los "
                            'agresores llamen al ICE o envíen al USCIS "denuncias" para socavar la petición; la '
                            "ley se redactó precisamente para esa situación.",
                            "Sus propias obligaciones corren en paralelo. Conforme a la Regla 1.6, usted protege "
                            "toda la información relacionada con la representación. Utilice una dirección postal y "
                            "un número de teléfono seguros que elija la clienta, confirme antes de dejar mensajes, "
                            "nunca incluya detalles del caso en el asunto de los correos electrónicos y nunca se "
                            "comunique con el agresor. Cuando el agresor también sea parte en un caso ante el "
                            "tribunal de familia, coordine con el abogado de familia para que nada de lo que se "
                            "presente allí revele el caso de inmigración sin el consentimiento informado de la "
                            "clienta.",
                            "Una autopeticionaria casada con un ciudadano estadounidense es familiar inmediato. La "
                            "INA § 245(a) permite el ajuste de estatus a una persona con una autopetición VAWA "
                            "aprobada aunque no haya sido inspeccionada y admitida ni haya recibido un permiso de "
                            "permanencia temporal (parole); la INA § 212(a)(6)(A)(ii) exime a las "
                            "autopeticionarias VAWA que reúnen los requisitos de la causal de inadmisibilidad por "
                            "entrada sin inspección, y la causal de carga pública no se les aplica (INA "
                            "§ 212(a)(4)(E)(i)). Los cónyuges de residentes permanentes esperan un número de visa "
                            "en la segunda preferencia familiar (INA § 203(a)(2)(A)).",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "El agresor envía al USCIS una carta en la que acusa a su clienta de fraude "
                                "matrimonial. ¿Qué dispone el 8 U.S.C. § 1367?",
                                [
                                    "El USCIS puede denegar basándose solo en la carta",
                                    "El USCIS no puede adoptar una determinación desfavorable de admisibilidad o "
                                    "deportabilidad basada únicamente en ella",
                                    "El USCIS debe reenviar la carta a su clienta",
                                ],
                                {1},
                                "8 U.S.C. § 1367(a)(1): la información proporcionada únicamente por el agresor no "
                                "puede servir de base para una determinación desfavorable de admisibilidad o "
                                "deportabilidad.",
                            )
                        ],
                    ),
                ],
            },
        ],
        "final": [
            (
                "¿Qué estándar probatorio se aplica a las autopeticiones VAWA?",
                ["Prueba clara y convincente", "Cualquier prueba creíble", "Más allá de toda duda razonable"],
                {1},
                "INA § 204(a)(1)(J); 8 C.F.R. § 204.2(c)(2)(i).",
            ),
            (
                "Una clienta se divorció de su esposo abusivo, ciudadano estadounidense, hace 18 meses a causa del "
                "abuso. ¿Puede todavía presentar una autopetición?",
                [
                    "No, el matrimonio ha terminado",
                    "Sí, dentro de los dos años, si el divorcio estuvo relacionado con el abuso",
                ],
                {1},
                "INA § 204(a)(1)(A)(iii)(II)(aa)(CC): disolución legal en los últimos dos años relacionada con la "
                "agresión física o la crueldad extrema.",
            ),
            (
                "El esposo abusivo era residente permanente y falleció hace un año. ¿Permite la regla de los dos "
                "años de VAWA que la viuda presente una autopetición?",
                [
                    "Sí, la regla por fallecimiento se aplica a todo agresor",
                    "No: la regla por fallecimiento se aplica solo cuando el agresor era ciudadano estadounidense",
                ],
                {1},
                "Compare la INA § 204(a)(1)(A)(iii)(II)(aa)(CC) (ciudadano: fallecimiento dentro de los dos años) "
                "con el § 204(a)(1)(B)(ii)(II)(aa)(CC) (residente permanente: pérdida del estatus debido a "
                "violencia doméstica, o divorcio relacionado con el abuso).",
            ),
            (
                "¿Qué conductas pueden constituir crueldad extrema?",
                [
                    "Amenazas de hacer que la deporten",
                    "Control económico y aislamiento",
                    "Amenazas de quitarle a los hijos",
                ],
                {0, 1, 2},
                "La crueldad extrema abarca el control coercitivo sin violencia física (8 C.F.R. § 204.2(c)(1)(vi)).",
            ),
        ],
    },
]
